/** Seed 001: the Sales and project-manager e-mails are on the Templates tab, in Russian and English, for people to edit. */
import { callsWorkbook } from './calls-fixture';
import { SEED_001_TEMPLATE_KEYS, DEFAULT_TEMPLATES } from '../../src/core/templates';

describe('the templates of seed 001 on the Templates tab', () => {
  test('setup adds the nine Sales/PM templates in both languages once; an edited one is kept on the next setup', async () => {
    const h = await callsWorkbook();
    try {
      const rows = () => h.rows('Templates');
      for (const key of SEED_001_TEMPLATE_KEYS) {
        const langs = rows()
          .filter((r) => r['Key'] === key)
          .map((r) => r['Language'])
          .sort();
        expect([key, langs]).toEqual([key, ['English', 'Russian']]);
      }
      const contract = rows().find((r) => r['Key'] === 'sales.contract' && r['Language'] === 'Russian')!;
      expect(contract['Body']).toBe(DEFAULT_TEMPLATES['sales.contract'].ru.body);
      const row = rows().findIndex((r) => r['Key'] === 'sales.silentClient' && r['Language'] === 'English') + 2;
      h.edit('Templates', row, { Body: 'Hello {{contactPerson}}, any news?' }, h.ws.owner);
      h.ws.invoke('setupWorkbook', { kind: 'editor' });
      expect(rows().filter((r) => r['Key'] === 'sales.silentClient')).toHaveLength(2);
      expect(rows().find((r) => r['Key'] === 'sales.silentClient' && r['Language'] === 'English')!['Body']).toBe(
        'Hello {{contactPerson}}, any news?',
      );
    } finally {
      h.close();
    }
  });
});
