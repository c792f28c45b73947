/** @module The generic emulator's test cards and the Authorize answer each one gets. */

import { jsonReply, type GatewayReply } from '../loopback.js';

/** Card numbers that decide Authorize's outcome; any other Luhn-valid number is approved. */
export const GENERIC_TEST_CARDS = {
  approve: '4111111111111111',
  decline: '4000000000000002',
  pending: '4000000000000077',
  redirect: '4000000000003220',
  error: '4000000000000119',
} as const;

/** The `transactionStatus` a card's payment gets (`ERROR`: an in-band error, no payment). */
export function cardStatus(
  cardNumber: string,
): 'APPROVED' | 'DECLINED' | 'PENDING' | 'REDIRECT' | 'ERROR' {
  switch (cardNumber) {
    case GENERIC_TEST_CARDS.decline:
      return 'DECLINED';
    case GENERIC_TEST_CARDS.pending:
      return 'PENDING';
    case GENERIC_TEST_CARDS.redirect:
      return 'REDIRECT';
    case GENERIC_TEST_CARDS.error:
      return 'ERROR';
    default:
      return 'APPROVED';
  }
}

/** Authorize's answer for an accepted payment, decided by the card number. */
export function paymentOutcome(
  cardNumber: string,
  transactionId: string,
  redirectUrl: string,
): GatewayReply {
  const accepted = { status: 'SUCCESS', transactionId };
  switch (cardStatus(cardNumber)) {
    case 'DECLINED':
      return jsonReply(200, {
        ...accepted,
        transactionStatus: 'DECLINED',
        errorCode: 'CARD_DECLINED',
        errorMessage: 'Do not honor',
      });
    case 'PENDING':
      return jsonReply(200, { ...accepted, transactionStatus: 'PENDING' });
    case 'REDIRECT':
      return jsonReply(200, { ...accepted, transactionStatus: 'REDIRECT', redirectUrl });
    case 'ERROR':
      return jsonReply(200, {
        status: 'ERROR',
        transactionId,
        errorCode: 'PROCESSING_ERROR',
        errorMessage: 'The issuer could not be reached',
      });
    default:
      return jsonReply(200, { ...accepted, transactionStatus: 'APPROVED' });
  }
}
