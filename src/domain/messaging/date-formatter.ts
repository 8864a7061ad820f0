const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per locale and options: building an Intl.DateTimeFormat costs far more than
 * formatting with it, and a wave formats a few dates for every passenger.
 */
export function dateFormatter(
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, format);
  }
  return format;
}
