/** macOS uses Command where other systems use Control; shortcuts and their labels follow the platform. */
export const IS_MAC =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/u.test(navigator.platform || navigator.userAgent);
