/**
 * The CardService global: its enums and one factory per builder.
 *
 * Builder calls are local on Google as well — they build a description that is sent to
 * the client only when the callback returns — so, unlike the other fakes, nothing here is
 * metered through rt.call(): no service-call latency, no execution time.
 * Builders Google offers but this fake does not build (attachments, authorization, compose,
 * drafts, link previews, suggestions responses, key values, material icons, Drive and
 * editor file scope) throw a clear "not supported" error instead of misbehaving.
 */
import { FakeAction, FakeOpenLink } from './actions';
import { CardCtx } from './args';
import { FakeButtonSet, FakeImageButton, FakeTextButton } from './buttons';
import { FakeCardAction, FakeCardBuilder, FakeCardHeader, FakeCardSection, FakeDivider, FakeFixedFooter } from './card';
import { ENUMS } from './enums';
import { FakeIconImage } from './icons';
import { FakeBorderStyle, FakeGrid, FakeGridItem, FakeImage, FakeImageComponent, FakeImageCropStyle } from './images';
import { FakeSelectionInput, FakeSuggestions, FakeSwitch, FakeTextInput, FakeValidation } from './inputs';
import { MSG } from './messages';
import { FakeDatePicker, FakeDateTimePicker, FakeTimePicker } from './pickers';
import { FakeActionResponseBuilder, FakeNavigation, FakeNotification, FakeUniversalActionResponseBuilder } from './responses';
import { FakeDecoratedText, FakeTextParagraph } from './text';

const UNSUPPORTED = [
  'newAttachment',
  'newAuthorizationAction',
  'newAuthorizationException',
  'newCalendarEventActionResponseBuilder',
  'newComposeActionResponseBuilder',
  'newDriveItemsSelectedActionResponseBuilder',
  'newEditorFileScopeActionResponseBuilder',
  'newKeyValue',
  'newLinkPreview',
  'newMaterialIcon',
  'newSuggestionsResponseBuilder',
  'newUpdateDraftActionResponseBuilder',
  'newUpdateDraftBccRecipientsAction',
  'newUpdateDraftBodyAction',
  'newUpdateDraftCcRecipientsAction',
  'newUpdateDraftSubjectAction',
  'newUpdateDraftToRecipientsAction',
] as const;

export function makeCardService(c: CardCtx) {
  const supported = {
    newAction: () => new FakeAction(c),
    newActionResponseBuilder: () => new FakeActionResponseBuilder(c),
    newBorderStyle: () => new FakeBorderStyle(c),
    newButtonSet: () => new FakeButtonSet(c),
    newCardAction: () => new FakeCardAction(c),
    newCardBuilder: () => new FakeCardBuilder(c),
    newCardHeader: () => new FakeCardHeader(c),
    newCardSection: () => new FakeCardSection(c),
    newDatePicker: () => new FakeDatePicker(c),
    newDateTimePicker: () => new FakeDateTimePicker(c),
    newDecoratedText: () => new FakeDecoratedText(c),
    newDivider: () => new FakeDivider(c),
    newFixedFooter: () => new FakeFixedFooter(c),
    newGrid: () => new FakeGrid(c),
    newGridItem: () => new FakeGridItem(c),
    newIconImage: () => new FakeIconImage(c),
    newImage: () => new FakeImage(c),
    newImageButton: () => new FakeImageButton(c),
    newImageComponent: () => new FakeImageComponent(c),
    newImageCropStyle: () => new FakeImageCropStyle(c),
    newNavigation: () => new FakeNavigation(c),
    newNotification: () => new FakeNotification(c),
    newOpenLink: () => new FakeOpenLink(c),
    newSelectionInput: () => new FakeSelectionInput(c),
    newSuggestions: () => new FakeSuggestions(c),
    newSwitch: () => new FakeSwitch(c),
    newTextButton: () => new FakeTextButton(c),
    newTextInput: () => new FakeTextInput(c),
    newTextParagraph: () => new FakeTextParagraph(c),
    newTimePicker: () => new FakeTimePicker(c),
    newUniversalActionResponseBuilder: () => new FakeUniversalActionResponseBuilder(c),
    newValidation: () => new FakeValidation(c),
  };
  const unsupported = Object.fromEntries(
    UNSUPPORTED.map((name) => [
      name,
      () => {
        throw c.error(MSG.notSupported(name));
      },
    ]),
  );
  return Object.freeze({ ...ENUMS, ...supported, ...unsupported });
}

export type CardServiceGlobal = ReturnType<typeof makeCardService>;
