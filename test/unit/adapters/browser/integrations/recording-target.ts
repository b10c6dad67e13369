import type { BreadcrumbInput } from '../../../../../src/client/scope.js';
import type { CaptureTarget } from '../../../../../src/adapters/browser/integrations/index.js';

/** A CaptureTarget that keeps what integrations report, in order. */
export function recordingTarget(): CaptureTarget & {
  readonly captured: unknown[];
  readonly crumbs: BreadcrumbInput[];
} {
  const captured: unknown[] = [];
  const crumbs: BreadcrumbInput[] = [];
  return {
    captured,
    crumbs,
    captureException(error) {
      captured.push(error);
      return 'id';
    },
    addBreadcrumb(crumb) {
      crumbs.push(crumb);
    },
  };
}

/** A CaptureTarget whose every method throws, as a broken client might. */
export const throwingTarget: CaptureTarget = {
  captureException() {
    throw new Error('client broke');
  },
  addBreadcrumb() {
    throw new Error('client broke');
  },
};
