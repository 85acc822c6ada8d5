// The summary's shape is defined once, in @assay/contracts.
export { attemptSummarySchema as attemptSummary } from '@assay/contracts';
