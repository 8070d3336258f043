# The site's frame: header, navigation, footer, switches.
skip-to-content = Skip to content
menu = Menu
nav-main = Main
nav-sigs = SIGs
nav-roadmap = Roadmap
nav-meetings = Meetings
nav-join = Join
nav-channels = Channels
nav-guidance = How we work
nav-admin = Admin
nav-my-sigs = My SIGs
sign-in = Sign in
sign-out = Sign out
footer-nav = Footer
footer-powered = { $site } community portal · powered by sigpost
footer-all-sigs = All SIGs
footer-roadmap = Community roadmap
footer-meetings = Meetings calendar
footer-channels = Chat channels
footer-guidance = How SIGs work
theme = Theme
theme-system = System
theme-light = Light
theme-dark = Dark
language-switch = Read this page in { $language }

# Titles and headings of the main pages.
home-title = Special Interest Groups
home-description = Special Interest Groups of the community: who leads them, where they talk, what they plan, and how to join.
home-eyebrow = { $site } community
home-heading = Find the group that works on what you care about
home-lead = Most of our work happens in Special Interest Groups. Each SIG owns a part of the project, meets in the open and keeps a three-month roadmap. Meet the leads, join the channel, and pick something to work on.
home-browse = Browse SIGs
home-how = How SIGs work
home-loading = Loading the community…
directory-title = SIG directory
directory-description = Every Special Interest Group of the community: what it works on, who leads it and where it talks.
directory-heading = Special Interest Groups
directory-lead = Each SIG owns a part of the project. Find one by topic, technology or lead.
loading-sigs = Loading SIGs…
roadmap-title = Community roadmap
meetings-title = Meetings
channels-title = Chat channels
guidance-title = How SIGs work

# Forms.
field-optional = { " " }(optional)
error-not-found = We could not find that page.
error-invalid = Please correct the fields marked below.
error-conflict = Someone else changed this item since you opened it. Nothing was saved: compare with the current values below.
error-unauthorized = Please sign in first.
error-forbidden = You are not allowed to do that.
error-too-many =
    { $seconds ->
        [one] Too many attempts from your address. Please try again in { $seconds } second.
       *[other] Too many attempts from your address. Please try again in { $seconds } seconds.
    }
error-internal = Something went wrong on our side. Please try again in a moment.
error-unavailable = This is not available right now. Please try again in a moment.
error-request = The request could not be handled: { $reason }
check-length =
    { $max ->
        [one] Use at most { $max } character.
       *[other] Use at most { $max } characters.
    }
check-name = Tell us the name to show on your profile.
check-email-empty = Enter your e-mail address.
check-email = Enter an e-mail address like name@example.org.
check-github = Enter your GitHub login only, such as octocat.

# Joining.
join-title = Join a SIG
join-description = Pick the Special Interest Groups you would like to take part in and join them in a minute.
join-lead = Pick the groups you would like to take part in, tell us who you are, and confirm from your inbox. You can leave again with one click.
join-check-inbox = Check your inbox: we sent a link to confirm. It may take a minute to arrive, and it expires in 48 hours.
join-step-sigs = 1. Pick one or more SIGs
join-step-you = 2. About you
join-signed-in-as = You are signed in as { $name }: you join with your account, no e-mail to confirm.
join-name = Your name
join-email = E-mail address
join-email-hint = We send a link to confirm. It is never shown on the site.
join-github = GitHub handle
join-interest = What would you like to work on? (optional)
join-interest-hint = The SIG's leads read this, to help you find a first task.
join-honeypot = Leave this field empty
join-submit = Join
join-no-description = No description yet.
join-no-leads = No leads listed
join-leads = Leads: { $names }
join-next-meeting = Next meeting:
join-approval = Leads approve requests
join-pick-one = Pick at least one SIG to join.
join-pick-at-most = Pick at most { $max } SIGs at once.

# E-mails (written in the language of the request that sends them).
mail-hello = Hello { $name },
mail-confirm-subject = Confirm your e-mail address for { $site }
mail-confirm-body = please confirm your e-mail address to finish creating your { $site } account:
mail-confirm-expiry = The link works once and expires in 48 hours. If you did not sign up, ignore this message.
mail-join-subject = Joining { $sigs } on { $site }
mail-join-confirm = please confirm that you want to join { $sigs }:
mail-join-expiry = The link works once and expires in 48 hours. If you did not ask to join, ignore this message.
mail-join-receipt = you asked to join { $sigs }. Where things stand:
mail-next-steps = Next steps:
mail-leave-intro = To leave, follow the link for the SIG (no sign-in needed):

# The directory (the filter runs in the browser: `{count}` and `{total}`
# are filled in there).
finder-label = Filter SIGs
finder-placeholder = storage, docs, edge…
finder-button = Filter
finder-total-one = {"{"}total{"}"} SIG
finder-total-other = {"{"}total{"}"} SIGs
finder-showing = Showing {"{"}count{"}"} of {"{"}total{"}"} SIGs
finder-in-hours = Only SIGs with a weekday meeting inside your working hours.
finder-show-all = Show all SIGs
finder-none = No SIG matches “{"{"}text{"}"}”.
hours-heading = Meets within my working hours
hours-zone = My time zone
hours-from = From
hours-to = To
hours-button = Show SIGs
card-no-description = No description yet.
card-leads = Leads
card-no-leads = None listed
card-chat = Chat
card-no-channel = No channel yet
card-join = Join
card-roadmap = Roadmap
card-of = { " " }of{ " " }
standing-member = Member
standing-pending = Request pending

# A SIG's page.
sig-loading = Loading SIG…
sig-edit = Edit this page
sig-members = Members and requests
sig-all = All SIGs
sig-join = Join { $sig }
sig-roadmap = Roadmap
sig-take-part = How to take part
sig-archived = This group is archived: it no longer meets, and its page is kept for the record.
sig-leads = Leads
sig-talk = Where to talk
sig-no-chat = This SIG has no chat channel yet.
sig-mailing-list = Mailing list
sig-no-mailing-list = No mailing list yet.
sig-meetings = Meetings
sig-no-meeting = No regular meeting is scheduled yet.
sig-join-call = Join the call
sig-notes = Notes
sig-meeting-notes = Meeting notes
sig-no-notes = No meeting notes are linked yet.
sig-recordings = Recordings
sig-no-recordings = No recordings are linked yet.
sig-all-meetings = All meetings and past notes
sig-calendar = Add to your calendar
sig-mission = Mission
sig-no-mission = The leads have not written a mission statement yet.
sig-teams = Teams
sig-subprojects = Subprojects
sig-owners = Owners:
