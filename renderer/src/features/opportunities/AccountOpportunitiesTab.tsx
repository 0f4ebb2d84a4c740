// Replaced by the feature's tab on the account card.
export function AccountOpportunitiesTab(_props: { accountId: number; revision: number }) {
  return null;
}
