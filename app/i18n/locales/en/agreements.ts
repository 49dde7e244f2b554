export const agreements = {
  title: "Agreements",
  kind: "Kind",
  signedOn: "Signed on",
  signedIn: "Signed in {{city}}",
  period: "Period",
  status: "Status",
  parent: "Continues",
  commitments: "Commitments",
  signatories: "Signatories",
  progress: "Progress",
  none: "No agreements yet.",
};
