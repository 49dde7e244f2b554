// Email notices (reminders, due dates, the weekly digest), following records, and unsubscribing.
export const notices = {
  follow: {
    follow: "Follow",
    unfollow: "Stop following",
    followHint: "Follow to get its changes in your weekly email digest.",
    followingHint: "You follow this. Its changes come in your weekly email digest.",
  },
  preferences: {
    title: "Email notices",
    intro: "Each of these is on until you turn it off.",
    remindActivities: "Activity reminders",
    remindActivitiesHint:
      "7 days and 1 day before an activity that your organization organizes or one of its people takes part in.",
    remindCommitments: "Commitment due dates",
    remindCommitmentsHint:
      "When a commitment whose focal point works for your organization is due in 14 days, and when it becomes overdue.",
    remindFollowUps: "Follow-up reminders",
    remindFollowUpsHint: "3 days before a visit follow-up you own is due, and when it becomes overdue.",
    weeklyDigest: "Weekly digest",
    weeklyDigestHint: "On Monday at 08:00 in your time zone: what changed in the records you follow.",
    notifyEnquiries: "Requests from the library",
    notifyEnquiriesHint: "When a visitor asks for a knowledge-sharing session about a case in the library.",
    save: "Save email notices",
  },
  kinds: {
    activities: "activity reminders",
    commitments: "commitment due-date notices",
    digest: "the weekly digest",
    followups: "follow-up reminders",
    enquiries: "notices of library requests",
  },
  unsubscribe: {
    title: "Unsubscribe",
    text: "Stop {{what}} for your account?",
    button: "Unsubscribe",
    done: "Done: you will no longer get {{what}}.",
    again: "You can turn them back on under Email notices on your account page.",
    invalid: "This unsubscribe link is not valid. Turn email notices off under Email notices on your account page.",
  },
};
