/**
 * CardService's limits and error texts, in one place.
 *
 * Documented limits reproduced:
 * - "You can't add more than 100 sections to a card." (CardBuilder.addSection;
 *   https://developers.google.com/apps-script/reference/card-service/card-builder#addSection(CardSection))
 * - "You can't add more than 100 widgets to a card section." (CardSection.addWidget;
 *   https://developers.google.com/apps-script/reference/card-service/card-section#addWidget(Widget))
 * - "You can add up to 100 widgets per card. Any widgets beyond this limit are ignored. This
 *   limit applies ... to cards in Google Workspace add-ons." (Card v1 reference,
 *   https://developers.google.com/workspace/add-ons/reference/rpc/google.apps.card.v1#card).
 *   Google drops the extra widgets silently; here build() throws instead, so a card that
 *   would lose widgets on Google never passes a local test (the stricter reading).
 * - A selection input "Supports up to 100 items" (card.proto SelectionInput.items).
 *
 * Error texts: Google documents only that build() "Throws Error — if the constructed card
 * isn't valid" and which fields are "Required"; it does not document the texts. The
 * signature error ("The parameters (…) don't match the method signature for …") and
 * "Invalid argument: …" are Apps Script's own wording for wrong types and bad values (as
 * in the other fakes); the build-time texts below are ours, and name the field and where
 * it sits in the card, e.g. "Invalid card: sections[0].widgets[2] (TextInput): the field
 * name is required (setFieldName)." No text length limits are documented for add-on cards,
 * so none are applied.
 */

export const MAX_SECTIONS_PER_CARD = 100;
export const MAX_WIDGETS_PER_SECTION = 100;
export const MAX_WIDGETS_PER_CARD = 100;
export const MAX_SELECTION_ITEMS = 100;

export const MSG = {
  signature: (args: string, method: string) => `The parameters (${args}) don't match the method signature for CardService.${method}.`,
  invalidArgument: (name: string) => `Invalid argument: ${name}`,
  tooManySections: `You can't add more than ${MAX_SECTIONS_PER_CARD} sections to a card.`,
  tooManyWidgetsInSection: `You can't add more than ${MAX_WIDGETS_PER_SECTION} widgets to a card section.`,
  tooManyWidgetsInCard: (n: number) =>
    `Invalid card: a card can have up to ${MAX_WIDGETS_PER_CARD} widgets; this one has ${n} (Google ignores the widgets beyond the limit).`,
  invalid: (path: string, what: string) => `Invalid card: ${path}: ${what}.`,
  invalidResponse: (what: string) => `Invalid action response: ${what}.`,
  notSupported: (name: string) =>
    `CardService.${name} is not supported by the local CardService (workspace/services/card); add it there before using it.`,
};
