/**
 * Time, in one place: zone conversion (on @date-fns/tz), Japan time (the practice's zone,
 * from siteConfig) and the Japanese formats clients read. Pure and safe in the browser.
 */
export * from './zone';
export * from './japan';
export * from './format';
