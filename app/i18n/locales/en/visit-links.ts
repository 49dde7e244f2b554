export const visitLinks = {
  heading: "Links that open without signing in",
  calendarHeading: "Subscribe in a calendar app",
  calendarHelp:
    "A calendar app cannot sign in: give it this secret address and it keeps the programme up to date. Anyone with the address can read the programme, so keep it to yourself.",
  calendarLive: "You made a subscription link on {{when}}; it works until {{until}}.",
  calendarNone: "You have no subscription link for this calendar.",
  makeCalendar: "Make a subscription link",
  makeNew: "Make a new link",
  makeNewHint: "A new link stops the old one at once.",
  stop: "Stop the link",
  made: "Your new link. Copy it now: it is shown only once.",
  address: "Link address",
  memberHeading: "Personal briefing link for {{name}}",
  memberHelp:
    "A member without an account gets a personal link with each issue of the briefing: it opens their own version, read-only, without signing in.",
  memberLive: "Made on {{when}}; works until {{until}}.",
  memberNone: "No personal link is open.",
  makeMember: "Make a personal link",
  stopped: "The link no longer works.",
  shared: "Your personal briefing. Please do not forward this page's address: it opens without signing in.",
};
