/** storage.session key under which the popup hands a selection to the options page's export. */
export const EXPORT_SELECTION_KEY = 'export:selection';
