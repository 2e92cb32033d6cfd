/**
 * Times as people read them: "10:00 по московскому времени", "10:00 Moscow time" — the city
 * of the zone, never its IANA id. Russian has an adjective for the cities a Russian company
 * deals with most; any other zone reads "по времени <city>" / "<city> time", the city taken
 * from the id ("America/New_York" → "New York"). A zone id is only checked for its shape
 * here (Area/City or UTC); its offsets come from the adapter.
 */
import { Locale } from './schema';

/** Russian adjective forms («по московскому времени») by IANA id. */
const RU_ADJECTIVE: Record<string, string> = {
  'Europe/Moscow': 'московскому',
  'Europe/Kaliningrad': 'калининградскому',
  'Europe/Samara': 'самарскому',
  'Europe/Volgograd': 'волгоградскому',
  'Europe/Saratov': 'саратовскому',
  'Europe/Ulyanovsk': 'ульяновскому',
  'Europe/Astrakhan': 'астраханскому',
  'Europe/Kirov': 'кировскому',
  'Asia/Yekaterinburg': 'екатеринбургскому',
  'Asia/Omsk': 'омскому',
  'Asia/Novosibirsk': 'новосибирскому',
  'Asia/Barnaul': 'барнаульскому',
  'Asia/Tomsk': 'томскому',
  'Asia/Novokuznetsk': 'новокузнецкому',
  'Asia/Krasnoyarsk': 'красноярскому',
  'Asia/Irkutsk': 'иркутскому',
  'Asia/Chita': 'читинскому',
  'Asia/Yakutsk': 'якутскому',
  'Asia/Vladivostok': 'владивостокскому',
  'Asia/Sakhalin': 'сахалинскому',
  'Asia/Magadan': 'магаданскому',
  'Asia/Kamchatka': 'камчатскому',
  'Europe/Minsk': 'минскому',
  'Europe/Kiev': 'киевскому',
  'Europe/Kyiv': 'киевскому',
  'Europe/Chisinau': 'кишинёвскому',
  'Europe/Riga': 'рижскому',
  'Europe/Vilnius': 'вильнюсскому',
  'Europe/Tallinn': 'таллинскому',
  'Europe/Warsaw': 'варшавскому',
  'Europe/Prague': 'пражскому',
  'Europe/Berlin': 'берлинскому',
  'Europe/Paris': 'парижскому',
  'Europe/London': 'лондонскому',
  'Europe/Madrid': 'мадридскому',
  'Europe/Rome': 'римскому',
  'Europe/Istanbul': 'стамбульскому',
  'Asia/Tbilisi': 'тбилисскому',
  'Asia/Yerevan': 'ереванскому',
  'Asia/Baku': 'бакинскому',
  'Asia/Tashkent': 'ташкентскому',
  'Asia/Bishkek': 'бишкекскому',
  'Asia/Dubai': 'дубайскому',
  'America/New_York': 'нью-йоркскому',
  'America/Chicago': 'чикагскому',
  'America/Los_Angeles': 'лос-анджелесскому',
};

/** Russian city names for the zones without an adjective in common use. */
const RU_CITY: Record<string, string> = {
  'Asia/Almaty': 'Алматы',
  'Asia/Astana': 'Астаны',
  'Asia/Kolkata': 'Колкаты',
  'Asia/Calcutta': 'Колкаты',
  'Asia/Shanghai': 'Шанхая',
  'Asia/Tokyo': 'Токио',
  'Asia/Singapore': 'Сингапура',
  'Asia/Jerusalem': 'Иерусалима',
  'America/Denver': 'Денвера',
  'America/Toronto': 'Торонто',
  'Australia/Sydney': 'Сиднея',
};

const ZONE_SHAPE = /^(?:UTC|GMT|Etc\/(?:UTC|GMT)|[A-Z][A-Za-z_-]+(?:\/[A-Za-z0-9_+-]+){1,2})$/;

/** Whether the text has the shape of an IANA zone id ("Europe/Moscow", "UTC"). */
export function isZoneId(text: string): boolean {
  return ZONE_SHAPE.test(text.trim());
}

/** "America/New_York" → "New York"; "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export function cityOf(zoneId: string): string {
  const parts = zoneId.split('/');
  return parts[parts.length - 1].replace(/_/g, ' ');
}

/** What follows a time: «по московскому времени» / "Moscow time", «по времени UTC» / "UTC". */
export function zonePhrase(zoneId: string, locale: Locale): string {
  const id = zoneId.trim();
  if (/^(?:UTC|GMT|Etc\/(?:UTC|GMT))$/.test(id)) return locale === 'ru' ? 'по UTC' : 'UTC';
  if (locale === 'en') return `${cityOf(id)} time`;
  const adjective = RU_ADJECTIVE[id];
  if (adjective) return `по ${adjective} времени`;
  return `по времени ${RU_CITY[id] ?? cityOf(id)}`;
}
