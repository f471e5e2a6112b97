import 'server-only';
import { bookingFulfilment } from './booking/fulfilment';
import { courseFulfilment } from './courses/fulfilment';
import { packageFulfilment } from './packages/fulfilment';
import { registerFulfilment } from './payments/fulfilment';

/**
 * Everything the site sells, each with what its payment does (confirm, release, notify). Payments
 * calls through this registry and imports no capability. Any entry point that reconciles
 * payments (the webhook route, the success pages, tests) imports this module for its effect.
 */
registerFulfilment('booking', bookingFulfilment);
registerFulfilment('course', courseFulfilment);
registerFulfilment('package', packageFulfilment);
