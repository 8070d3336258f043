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
footer-health = SIG health
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

# What things are called: kinds of group, roles, statuses.
kind-sig = Special Interest Group
kind-working-group = Working group
kind-committee = Committee
kind-user-group = User group
kind-tag = TAG
role-chair = Chair
role-tech-lead = Tech lead
role-emeritus = Emeritus
membership-unconfirmed = Pending: confirm the link we e-mailed
membership-awaiting-approval = Pending: waiting for a lead's approval
membership-active = Member
membership-declined = Declined
membership-left = Left
status-proposed = Proposed
status-planned = Planned
status-in-progress = In progress
status-done = Done
status-dropped = Dropped

# Meeting rules and times ({ $weekday } is "Thursday", written by CLDR).
cadence-weekly = Every week
cadence-biweekly = Every two weeks
cadence-monthly = Once a month
week-of-month =
    { $week ->
        [1] The first one
        [2] The second one
        [3] The third one
        [4] The fourth one
       *[other] The last one
    }
rule-weekly = Every { $weekday }
rule-biweekly = Every two weeks on { $weekday }
rule-monthly =
    { $week ->
        [0] Once a month on { $weekday }
        [1] The first { $weekday } of each month
        [2] The second { $weekday } of each month
        [3] The third { $weekday } of each month
        [4] The fourth { $weekday } of each month
       *[other] The last { $weekday } of each month
    }
rule-times = { $rule }, { $start }–{ $end } { $zone }
meeting-when = { $date }, { $start }–{ $end }
meeting-when-utc = { $date }, { $start }–{ $end } UTC
relative-now = now
relative-minutes =
    { $count ->
        [one] in { $count } minute
       *[other] in { $count } minutes
    }
relative-hours =
    { $count ->
        [one] in { $count } hour
       *[other] in { $count } hours
    }
relative-days =
    { $count ->
        [one] in { $count } day
       *[other] in { $count } days
    }

# Texts a community writes in more than one language.
check-language = This language is not offered on the site.
content-untranslated = Parts of this page are not translated into { $language } yet: they are shown in English.
translation-heading = In { $language }
translation-hint = Leave empty to show the English text on the { $language } pages.
sig-edit-description = One-line description
sig-edit-mission = Mission

# E-mails to people later on (in the language they chose).
mail-hello-anyone = Hello,
mail-taken-subject = Your { $site } account
mail-taken-body = someone (perhaps you) tried to create a { $site } account with this address, which already has one. Sign in, or choose a new password:
mail-taken-ignore = If it was not you, ignore this message.
mail-reset-subject = Choose a new password for { $site }
mail-reset-body = you can choose a new password for your { $site } account here:
mail-reset-expiry = The link works once and expires in one hour. If you did not ask for it, ignore this message: your password stays as it is.
mail-invitation-subject = You are now a lead of { $sig } on { $site }
mail-invitation-body = you were appointed a lead of { $sig }. Choose a password to take over your profile and edit the SIG's page:
mail-invitation-expiry = The link works once and expires in 7 days.
mail-newcomer-asks-subject = { $newcomer } asks to join { $sig }
mail-newcomer-asks = { $newcomer } asks to join { $sig }. Accept or decline the request here:
mail-newcomer-joined-subject = { $newcomer } joined { $sig }
mail-newcomer-joined = { $newcomer } joined { $sig }. Say hello; the members page lists everyone:
mail-newcomer-interest = What they would like to work on:
mail-newcomer-waiting = Everything waiting for you as a lead:
mail-decision-accepted-subject = Your request to join { $sig }: accepted
mail-decision-declined-subject = Your request to join { $sig }: declined
mail-decision-accepted = welcome: the leads of { $sig } accepted your request. Next steps:
mail-decision-declined = the leads of { $sig } declined your request this time.
mail-decision-message = Their message:

password-hint = At least 8 characters; a few unrelated words work well.
meeting-your-time = Your time: {"{"}time{"}"}
sig-fallback-description = { $sig } is a { $kind } of the community.
loading = Loading…
edit-refused-sign-in = Sign in as one of the SIG's leads or an admin.
breadcrumb = Breadcrumb
sig-edit-title = Edit SIG page
sig-edit-back = Back to the SIG
sig-edit-mission-hint = Markdown. What the SIG owns, what it works on, how to get involved.
sig-edit-chat-label = Chat channel name
sig-edit-chat-label-hint = Such as #sig-storage.
sig-edit-chat-url = Chat channel address
sig-edit-mailing-list = Mailing list address
sig-edit-notes = Meeting notes address
sig-edit-recordings = Recordings address
sig-edit-joining = Joining
sig-edit-joining-open = Open: anyone can join
sig-edit-joining-approval = Leads approve each request
sig-edit-save = Save the page
check-page-title = Give the page a title.
guidance-description = Why the community works in SIGs, how a SIG is run, and how it makes decisions.
guidance-lead = The community's shared rules for running a Special Interest Group.
guidance-none = No guidance has been written yet.
guidance-edit-title = Edit governance page
guidance-edit-page-title = Title
guidance-edit-text = Text
guidance-edit-text-hint = Markdown.
admin-title = Administration

# Roadmap boards and cards.
roadmap-loading = Loading the roadmap…
board-title = { $sig } roadmap
board-description = What { $sig } plans to work on from { $from } to { $to }.
board-feed-title = { $sig } roadmap changes
board-lead = Areas of focus from { $from } to { $to }. Finished work of earlier months is folded away.
board-add = Add an item
board-feed = Atom feed
board-markdown = Export as markdown
board-empty-lead = No items yet. Add the first area of focus for the coming months.
board-empty = This SIG has not published a roadmap yet. Ask its leads in the chat what they are working on.
board-stale = Possibly out of date:
board-stale-days = this board has not changed for { $days } days (more than { $limit }).
board-hide-dropped = Hide dropped items
board-show-dropped = Show dropped items ({ $count })
board-column-empty = Nothing here for these months.
board-earlier = Earlier months ({ $count })
board-later = Later months ({ $count })
card-overdue = Overdue
card-owner = Owner: { $name }
card-no-owner = No owner yet
card-drag = Drag to move
card-status-of = Status of “{ $title }”
card-move = Move
card-quoted = { " " }“{ $title }”
card-move-up = Move “{ $title }” up
card-move-down = Move “{ $title }” down
card-edit = Edit
item-loading = Loading the item…
item-description = A roadmap item of { $sig }.
item-eyebrow = Roadmap item
item-facts = At a glance
item-status = Status
item-target = Target month
item-owner = Owner
item-nobody = Nobody yet
item-link = Linked issue or PR
item-none = None
item-done-when = Done when
item-no-exit = No exit criterion given.
item-description-heading = Description
item-history = History
item-edit = Edit this item
item-delete-heading = Delete this item
item-delete-confirm = Yes, delete “{ $title }”. Its history is kept.
item-delete = Delete item
roadmap-description = What every SIG of the community plans to work on in the coming months.
roadmap-feed-title = Community roadmap changes
roadmap-lead = Every SIG's areas of focus for the coming months, in one place.
roadmap-feed = Atom feed of every change
roadmap-filter = Filter the roadmap
roadmap-filter-sig = SIG
roadmap-any-sig = Every SIG
roadmap-any-status = Any but dropped
roadmap-filter-month = Month
roadmap-any-month = Any month
roadmap-any-owner = Anyone
roadmap-apply = Apply filters
roadmap-clear = Clear
roadmap-items = Items
roadmap-showing = Showing { $shown } of { $total } items
roadmap-none = No item matches these filters.
item-title = Title

# Meetings.
meetings-description = When each SIG meets next, in your time zone, with a calendar to subscribe to.
meetings-eyebrow = Community calendar
meetings-lead = Every SIG meets in the open. Pick one and drop in: no invitation needed.
meetings-subscribe-all = Subscribe to all meetings
meetings-loading = Loading meetings…
meetings-none = No SIG has a regular meeting yet.
sig-meetings-title = Meetings of { $sig }
sig-meetings-description = When { $sig } meets, how to join, and the notes of past meetings.
sig-meetings-lead = Everyone is welcome: join a meeting, or read what was decided.
sig-meetings-subscribe = Subscribe in your calendar
sig-meetings-add-series = Add a regular meeting
sig-meetings-record = Record a meeting
sig-meetings-when = When we meet
sig-meetings-past = Past meetings
sig-meetings-no-records = No meeting has been recorded yet.
series-no-date = No upcoming date.
series-notes = Agenda and notes
series-edit = Edit “{ $title }”
series-delete-confirm = Yes, stop “{ $title }”. Past records are kept.
series-delete = Delete series
record-recording = Recording
calendar-heading = Your meetings in your calendar
calendar-lead = One private address with the meetings of every SIG you belong to. Add it to your calendar app as a subscription; it follows when you join or leave.
calendar-replace = Replace the address
calendar-make = Make my calendar address
calendar-address = Your private calendar address
calendar-private = Keep it to yourself: anyone with it sees which SIGs you follow.
calendar-off = Turn it off
record-loading = Loading the meeting…
record-description = Agenda and notes of the { $sig } meeting on { $date }.
record-watch = Watch the recording
record-agenda = Agenda
record-no-agenda = No agenda was written down.
record-no-notes = No notes yet.
record-edit = Edit this record
record-delete-confirm = Yes, delete the record of { $date }.
record-delete = Delete record
channels-description = Where the community talks: general channels and local-language communities.
channels-lead = Besides each SIG's own channel, these are open to everyone. Say hello, ask questions, find people who speak your language.
channels-loading = Loading channels…
channels-general = General channels
channels-no-general = No general channels are listed yet.
channels-local = Local communities
channels-no-local = No local-language communities are listed yet.
not-found-title = Page not found
not-found-lead = The link may be old, or the group may have a new name. These pages are a good place to start:
not-found-browse = Browse all SIGs
not-found-home = Home
not-found-heading = We could not find that page
leads-none = No leads are listed for this SIG yet.

# Welcome: how to take part ({ $link } is where the link goes).
welcome-member = Welcome to { $sig }
welcome-waiting = Your request to join { $sig } is with its leads
welcome-visitor = Take part in { $sig }
welcome-member-intro = You are a member. Here is how to get started.
welcome-waiting-intro = You will get an e-mail when they decide. Meanwhile, here is how the group works.
welcome-visitor-intro = Anyone can follow along; joining puts you on the roster and the leads' radar.
welcome-description = How to take part in { $sig }: chat, meetings, open roadmap items and leads.
welcome-eyebrow = Next steps
welcome-chat = Say hello in the chat
welcome-introduce = Introduce yourself in { $link }.
welcome-no-chat = The SIG has no chat channel yet; the leads below are happy to hear from you.
welcome-mailing-list = Follow the { $link }.
welcome-mailing-list-link = mailing list
welcome-meeting = Come to a meeting
welcome-notes = Read the { $link } to see what was decided lately and when the group meets.
welcome-notes-link = meeting notes
welcome-no-notes = No meeting notes are linked yet; ask in the chat when the group meets.
welcome-recordings = Catch up with the { $link }.
welcome-recordings-link = recordings
welcome-help = Pick something to help with
welcome-no-open-items = No roadmap item is waiting for an owner right now. { $link }.
welcome-roadmap-link = See the roadmap
welcome-open-items = These roadmap items have no owner yet:
welcome-leads = Meet the leads
confirm-join-title = Confirm joining
confirm-join-lead = One click and you are in; the SIG's page tells you how to take part.
confirm-join-again = Ask to join again
confirm-join-button = Confirm and join
leave-title = Leave a SIG
leave-ask = Leave { $sig }?
leave-lead = { $name }, you can join again whenever you like.
leave-button = Leave { $sig }
leave-not-in = You are not in { $sig }
leave-done = You have left { $sig }, or your request was withdrawn.
leave-join-again = Join { $sig } again

# Accounts.
account-check-inbox = Check your inbox: we sent a link to that address. It may take a minute to arrive.
password = Password
sign-in-description = Sign in to your community account.
sign-in-confirmed = Your e-mail address is confirmed. Sign in to continue.
sign-in-reset = Your password is changed. Sign in with the new one.
sign-up-title = Create an account
sign-up-description = Create an account to join SIGs and follow their work.
sign-up-lead = One account lets you join SIGs, and lets leads edit their SIG's page.
sign-up-button = Create account
sign-up-have-account = Already have an account?
forgot-title = Forgot your password?
forgot-lead = We will e-mail you a link to choose a new one.
forgot-button = Send the link
reset-title = Choose a new password
reset-password = New password
reset-button = Save the new password
invitation-title = Accept your invitation
invitation-heading = Welcome, new lead
invitation-lead = Choose a password to take over your profile and edit your SIG's page.
invitation-button = Accept the invitation
confirm-email-title = Confirm your e-mail address
confirm-email-lead = One click and your account is ready.
confirm-email-sign-up = Sign up again
confirm-email-button = Confirm my address

# A member's and a lead's own pages.
my-sigs-lead = The groups you take part in, and your requests to join.
my-sigs-join-another = Join another SIG
my-sigs-joined = Done: your SIGs are listed below.
my-sigs-none = You have not joined a SIG yet.
my-sigs-find = Find one to join
my-sigs-belong = Groups you belong to
my-sigs-sign-in = { $link } to see your SIGs.
my-sigs-member-since = Member since { $date }
my-sigs-message = Message from the leads:
my-sigs-withdraw = Withdraw the request to join { $sig }
my-sigs-lead-groups = Groups you lead
my-sigs-waiting = What waits for you as a lead
history-someone = someone
leading-title = Leading
leading-lead = What waits for you in the groups you lead.
leading-none = You do not lead a SIG. Leads are appointed by the community's admins.
leading-quiet = Nothing waits for you here.
leading-requests = Requests to answer ({ $count })
leading-asked = asked { $date }
leading-answer = Answer the requests
leading-joined = Joined since you last looked ({ $count })
leading-joined-on = joined { $date }
leading-overdue = Overdue items ({ $count })
leading-ownerless = Items without an owner ({ $count })
leading-next-meeting = Next meeting
leading-no-agenda = No agenda or notes page yet.
leading-write-agenda = Write the agenda
leading-wants = Wants to work on:
members-title = Members
members-of = Members of { $sig }
members-eyebrow = For leads
members-count-active = { $link } members
members-count-waiting = { $link } waiting for approval
members-count-unconfirmed = { $link } unconfirmed
members-count-left = { $link } left
members-csv = Download the roster (CSV)
members-approval = Leads approve each request. Change this on the SIG's edit page.
members-open = Joining is open: people who confirm their address join at once.
leading-answer-heading = Requests to answer
members-no-request = No request is waiting.
members-roster = Roster
members-name = Name
members-email = E-mail
members-asked = Asked
members-joined = Joined
members-left = Left
members-message-to = Message to { $name } (optional)
members-accept = Accept { $name }
members-decline = Decline { $name }

# Administration.
admin-import-line = { $link } (sigs.yaml or a SIG table), with a dry run first
admin-import-link = Import community data
admin-groups = Groups
admin-archived = archived
admin-sign-in = { $link } with an administrator account.
admin-guidance = Governance pages
admin-create = Create a group
admin-slug = Slug
admin-slug-hint = Its address: /sigs/slug.
admin-kind = Kind
admin-create-button = Create the group
admin-appoint = Appoint an administrator
admin-appointed = Done: they are an administrator now.
admin-their-email = Their e-mail address
admin-appoint-button = Make administrator
lead-invited = invitation pending
lead-not-invited = not invited yet
manage-title = Manage { $sig }
manage-view = View the page
manage-edit = Edit the page
manage-no-leads = No leads yet.
manage-remove = Remove { $name }
manage-appoint = Appoint a lead
manage-appoint-hint = Someone without an account gets an e-mail invitation to set a password.
manage-appointed = Appointed.
manage-role = Role
manage-appoint-button = Appoint
manage-archive = Archive
manage-archive-lead = An archived group leaves the directory; its page stays for the record.
manage-archived = Archived: the group has left the directory.
manage-restored = Active again: the group is back in the directory.
manage-restore-button = Make it active again
manage-archive-button = Archive this group
manage-rename = Name and kind
manage-saved = Saved.
manage-group-name = Group name
manage-rename-button = Save name and kind

# Checks and refusals.
check-url = Enter a full address starting with https://
check-working-day = Your working day must end after it starts.
check-decision = Accept or decline the request.
check-item-title = Give the item a title.
check-status = Choose one of the listed statuses.
check-month = Choose a month from the list.
check-owner = Choose the owner from the list.
link-issue-or-pr = Issue or PR
check-group-name = Give the group a name.
check-kind = Choose what kind of group this is.
check-slug = Use lower-case letters, digits and hyphens, such as sig-storage.
check-chat-url = Give the channel's address too.
check-join-policy = Choose open joining or lead approval.
check-lead-name = Give the lead's name.
check-role = Choose chair, tech lead or emeritus.
check-series-title = Give the meeting a name, such as “SIG meeting”.
check-weekday = Choose a day of the week.
check-start-time = Enter a time from 00:00 to 23:59, such as 15:00.
check-end-time = Enter a time from 00:00 to 23:59, such as 16:00.
check-meeting-end = The meeting must end after it starts.
check-zone = Enter the time zone, such as Europe/Berlin.
check-cadence = Choose how often the meeting takes place.
check-week = Choose which week of the month.
check-starts-on = Enter the first date as YYYY-MM-DD.
check-held-on = Enter the date as YYYY-MM-DD.
check-held-on-range = Choose a date within the next year.
check-record-title = Give the meeting a title.
link-expired-sign-up = This link has expired or was already used. Sign in, or sign up again for a new link.
sign-in-wrong = That e-mail address and password do not match an account.
sign-in-unconfirmed = Please confirm your e-mail address first: follow the link we sent you.
link-expired-reset = This link has expired or was already used. Ask for a new one.
check-delete-what = Delete a series or a record.
check-confirm-delete = Tick the box to confirm the deletion.
check-calendar-change = Make a new address or turn the feed off.
link-expired-join = This link has expired or was already used. Ask to join again for a new one.
request-already-answered = This request was already answered or withdrawn.
check-owner-person = Choose one of the SIG's people from the list.
check-direction = Move an item up or down.
check-slug-taken = Another group already uses this slug.
check-admin-account = No account uses this address; ask them to sign up first.
link-expired-invitation = This invitation has expired or was already used. Ask an admin for a new one.
error-no-sig = There is no SIG with this name.
check-password-common = This password is too common or too easy to guess. Try a few unrelated words.
check-length-min =
    { $min ->
        [one] Use at least { $min } character.
       *[other] Use at least { $min } characters.
    }
check-month-range = Choose a month within { $months } months of now.
link-on = Link on { $host }
upload-unreadable = The upload could not be read; please send the form again.
upload-no-file = Choose a file to import.
upload-too-large = The file is larger than 4 MB.
upload-not-text = The file is not UTF-8 text: save it as UTF-8 and upload it again.
upload-control-character = The file contains a control character (such as NUL), which no field accepts.
upload-unknown-format = Choose sigs.yaml or a KubeSphere SIG table as the format.
join-unknown-sigs = Not a SIG you can join now: { $sigs }.

# Moving cards on a board (filled in by the browser: keep the {"{"}names{"}"}).
move-item = “{"{"}title{"}"}”
move-the-item = The item
move-refused-conflict = {"{"}item{"}"} was not moved: someone changed it meanwhile. The board shows it as saved now; move it again if you still want to.
move-refused-gone = {"{"}item{"}"} was not moved: it no longer exists.
move-refused = {"{"}item{"}"} was not moved. Please try again in a moment.
move-already = “{"{"}title{"}"}” is in {"{"}column{"}"} already.
move-done-to = Moved “{"{"}title{"}"}” to {"{"}column{"}"}.
move-done-up = Moved “{"{"}title{"}"}” up.
move-done-down = Moved “{"{"}title{"}"}” down.

# Editing roadmap items.
editor-new = New item on the { $sig } roadmap
editor-back = Back
editor-link-hint = An https:// address, such as the tracking issue.
editor-exit-hint = How everyone will know it is done.
editor-add = Add the item
editor-save = Save the item
editor-description-hint = Markdown: what, why, and where help is welcome.
editor-preview = Preview the description
editor-preview-heading = Preview
conflict-heading = Two versions of this item
conflict-caption = The version saved meanwhile and yours
conflict-field = Field
conflict-saved = Saved meanwhile
conflict-yours = Yours
conflict-keep = Keep yours:
conflict-keep-how = the form below holds it; save it.
conflict-merge = Merge:
conflict-merge-how = copy what you need from the saved version into the form, then save.
conflict-take = Take the saved version:
conflict-take-how = start again from the saved version.

# Editing meetings.
series-editing = Regular meeting
series-new = New regular meeting of { $sig }
series-not-monthly = Not monthly
series-back = Back to the meetings
series-title-hint = Such as “SIG meeting” or “Triage”.
series-day = Day
series-starts = Starts at
series-ends = Ends at
hours-zone-label = Time zone
series-zone-hint = The zone the meeting's time is set in, such as Asia/Shanghai: the time stays the same there when clocks change.
series-how-often = How often
series-week = Week of the month
series-first = First meeting on or after
series-call = Video call
series-notes-doc = Agenda and notes document
series-recordings = Recordings playlist
series-add = Add the meeting
series-save = Save the meeting
record-editing = Meeting record
record-new = Record a meeting of { $sig }
record-date = Date
record-agenda-hint = Markdown: the topics, with who brings each.
record-notes-hint = Markdown: who came, what was decided, the action items.
record-add = Add the record
record-save = Save the record
import-lead = Upload a sigs.yaml or a KubeSphere-style SIG table. You see what would change first; nothing is written until you apply it.
import-file = File
import-format = Format
import-preview-button = Show what would change
import-recent = Recent uploads
import-uploaded = Uploaded { $when } by { $who }
import-applied = applied
import-refused = cannot be imported
import-dry-run = dry run
import-preview-title = Import preview
import-applied-summary = Applied { $at }: { $created } created, { $updated } updated, { $unchanged } unchanged.
import-refused-summary = This file cannot be imported; nothing was changed.
import-dry-run-summary = Dry run: applying it would create { $created }, update { $updated } and leave { $unchanged } unchanged.
import-apply = Apply this import
import-another = Upload another file
import-problems = Problems ({ $count })
import-warnings = Warnings ({ $count })
import-notes = Notes ({ $count })
import-created = Created ({ $count })
import-updated = Updated ({ $count })
home-figures = The community in figures
home-sigs =
    { $count ->
        [one] { $count } SIG
       *[other] { $count } SIGs
    }
home-leads =
    { $count ->
        [one] { $count } lead
       *[other] { $count } leads
    }
home-channels =
    { $count ->
        [one] { $count } community channel
       *[other] { $count } community channels
    }
editor-exit = Exit criterion

# Calendar files and feeds.
calendar-all = { $site } meetings
calendar-sig = { $sig } meetings
calendar-mine = My { $site } SIGs
calendar-unknown = This calendar address is unknown or was replaced: make a new one on your My SIGs page.
calendar-about = About this meeting:
calendar-notes = Agenda and notes:
feed-site = { $site } roadmap changes
translated-field = { $field } ({ $language })

# Refusals the server answers before any page (plain text).
refused-control = The request contains a control character (such as NUL), which no field accepts.
refused-too-large = The request is too large.
refused-cross-site = This request came from another site and was refused.
refused-theme = Choose light, dark or system.
refused-language = Choose one of the listed languages.

## Signing in through GitHub or the community's provider, and the account page
sign-in-with = Sign in with { $provider }
sign-in-with-link = Link { $provider }
sign-in-with-or = Or use an account you already have:
sign-in-with-stale = This sign-in could not be finished: it was already used, took longer than ten minutes, or began in another browser. Please try again.
sign-in-with-denied = The sign-in was cancelled at the provider. Nothing was changed.
sign-in-with-unreachable = The sign-in provider cannot be reached just now. Please try again later, or sign in with your e-mail address.
sign-in-with-untrusted = The provider's answer did not pass our checks, so nobody was signed in. Please try again.
sign-in-with-email-taken = An account here already uses the e-mail address this provider gave. Sign in with that address, then link the provider on your account page.
sign-in-with-handle-taken = An account here already names this GitHub handle. If it is yours, sign in with your e-mail address and link GitHub on your account page; if not, ask an administrator.
sign-in-with-linked-elsewhere = That provider account already signs in to another account here. Two accounts are never merged: sign in with it to use that account.
sign-in-with-already-linked = Your account is already linked to an account of that provider. Unlink it first to link another.
sign-in-with-last-way = This is your only way to sign in, so it stays. Choose a password or link another account first.
session-via-password = password
session-via-link = e-mailed link
session-unknown-browser = unknown browser
account-title = Your account
account-profile = Profile
account-name = Name
account-github = GitHub
account-none = none
account-no-email = no address yet
account-ways = Ways to sign in
account-password = Password
account-password-set = set
account-password-none = not set
account-password-choose = Choose a password
account-linked-since = linked { $date }
account-unlink = Unlink { $provider }
account-last-way = your only way in
account-link-lead = Link another account, and sign in with it from now on:
account-linked = Linked: you can sign in with it from now on.
account-unlinked = Unlinked: it no longer signs you in.
account-sessions = Where you are signed in
account-sessions-lead = Each browser you signed in from. End any you do not recognise.
account-session-line = { $started } · with { $how }
account-session-end = End session
account-session-this = this browser
account-sessions-end-others = Sign out everywhere else
account-sessions-ended = Those sessions are ended.
manage-signs-in-with = signs in with { $ways }
people-title = People and how they sign in
people-back = Back to the admin page
people-find = Find by name, GitHub handle or e-mail address
people-search = Search
people-none = Nobody matches that.
people-capped = The first { $count } are shown: search to narrow them down.
people-no-way-in = cannot sign in yet
people-since = known since { $date }
join-sign-in-with = Already on GitHub? Sign in with it and skip typing your name and address:

## Search
search-title = Search
search-description = Find SIGs, roadmap items, meeting notes, guidance and the people who lead the community's groups.
search-lead = SIGs, roadmap items, meeting notes, guidance pages and leads, in English and Chinese.
search-loading = Searching…
search-label = Search the community
search-placeholder = A SIG, a topic, a person…
search-button = Search
search-header-label = Search the site
search-empty-query = Type a word or two: a topic such as “storage” or “CI/CD”, a person's name or GitHub handle.
search-none = Nothing matches “{ $query }”.
search-none-hint = Try fewer or shorter words, or browse the SIGs.
search-browse-sigs = Browse all SIGs
search-count = { $count ->
    [one] 1 result for “{ $query }”.
   *[other] { $count } results for “{ $query }”.
}
search-more = and { $count } more: add a word to narrow them down.
search-kind-sigs = SIGs
search-kind-roadmap = Roadmap items
search-kind-meetings = Meeting records
search-kind-guidance = Guidance
search-kind-people = People

## SIG health
health-title = SIG health
health-description = Every active SIG at a glance: meetings held, roadmap kept current, leads at work.
health-lead = Every active SIG at a glance, from what the portal records. A light is a prompt to ask how a group is doing, not a verdict.
health-loading = Loading the table…
health-rules-heading = How the light is set
health-rule-meetings = Meets: a meeting record written for a meeting held in the last { $days } days.
health-rule-board = Roadmap current: an item of its board changed in the last { $days } days.
health-rule-leads = Leads active: a chair or tech lead looked at their SIG's tools, changed its roadmap or wrote a meeting record in the last { $days } days.
health-rule-lights = Green: all three hold. Amber: one or two. Red: none.
health-caption = Active SIGs; select a column heading to sort by it, again to reverse.
health-column-name = SIG
health-column-light = Light
health-column-meetings = Meetings (90 days)
health-column-board = Roadmap changed
health-column-items = Open items
health-column-members = Members
health-column-leads = Active leads
health-light-green = Green
health-light-amber = Amber
health-light-red = Red
health-never = never
health-days-ago = { $days ->
    [0] today
    [one] yesterday
   *[other] { $days } days ago
}
health-meetings-value = { $count }, last { $last }
health-items-value = { $open } open, { $overdue } overdue
health-leads-value = { $active } of { $all }

## Home page activity
home-next-meetings = Next meetings
home-all-meetings = Every SIG's meetings
home-recent-changes = Recent roadmap changes
home-no-changes = No roadmap has changed yet.
home-help-wanted = Help wanted
home-help-wanted-lead = Open roadmap items nobody owns yet: a good way in.
home-no-help-wanted = Every open item has an owner.
home-newest-sigs = Newest SIGs

## A SIG's health page
sig-health-title = { $sig }: health
sig-health-eyebrow = SIG health
sig-health-description = How { $sig } has been doing over the last twelve months: meetings, members and roadmap, month by month.
sig-health-lead = { $from } to { $to }, counted from what the portal records. Months are calendar months in UTC.
sig-health-month = Month
sig-health-meetings-heading = Meetings
sig-health-meetings-caption = Meetings per month: scheduled, held, and held with notes
sig-health-meetings-note = Scheduled: the meetings the SIG's series, as they are today, planned that have begun. Held: a meeting record written for that day.
sig-health-scheduled = Scheduled
sig-health-held = Held
sig-health-with-notes = With notes
sig-health-with-recording = With recording
sig-health-members-heading = Members
sig-health-members-caption = Members at each month's end, and who joined and left in it
sig-health-members-note = Members at the end of each month (or today, for this month); joined and left count memberships that began or ended in the month.
sig-health-members = Members
sig-health-joined = Joined
sig-health-left = Left
sig-health-roadmap-heading = Roadmap
sig-health-roadmap-caption = Roadmap items done, overdue and dropped per month
sig-health-roadmap-note = Done and dropped: items moved into that column in the month. Overdue: items planned or in progress at the month's end whose target month had passed. Days to done: the median from an item's first time planned to done.
sig-health-done = Done
sig-health-overdue = Overdue
sig-health-dropped = Dropped
sig-health-days-to-done = Days to done
sig-health-last-heading = Last activity
sig-health-last-meeting = Last meeting record
sig-health-last-notes = Last meeting with notes
sig-health-last-roadmap = Last roadmap change
sig-health-last-joined = Last member joined
sig-health-leads-heading = Leads and their terms
sig-health-no-leads = This SIG has no leads on record.
sig-health-lead-since = since { $day }
sig-health-lead-since-unknown = since before the portal's records
sig-health-reports-heading = Annual reports
sig-health-no-reports = No annual report has been published yet.
sig-health-write-report = Write the { $year } report
sig-health-link = Health and annual reports
sig-health-open = Meetings, members and roadmap over the year

## Annual reports
report-title = { $sig } annual report { $year }
report-title-short = { $year } annual report
report-description = The annual report of { $sig } for { $year }: initiatives, project health, membership, meetings and subprojects.
report-lead = In the sections of the Kubernetes annual report template: what the portal counted for the year, and what the SIG's leads wrote.
report-draft = Draft: only the SIG's leads and admins see it
report-published-on = Published on { $day }
report-edit = Edit the report
report-download = Download as markdown
report-none = None
report-not-written = The leads have not written this section.
report-saved-notice = The report is saved.
report-published-notice = The report is published: everyone can read it, and it is listed on the SIG's page.
report-withdrawn-notice = The report is withdrawn: it is a draft again.
report-edit-title = Write the { $year } report
report-edit-lead = The figures are counted by the portal; write what they cannot say. Markdown works in every section. Save as often as you like: only a published report is public.
report-save = Save
report-publish = Save and publish
report-withdraw = Save and withdraw
report-initiatives = Current initiatives
report-initiatives-prompt = What work did the SIG do this year that should be highlighted? What is it working on that the roadmap does not show?
report-project-health = Project health
report-project-health-prompt = What areas and subprojects need help? Which are at risk, and what would help them?
report-membership = Membership
report-membership-prompt = Are all leads active? How do newcomers find their way in, and who grew into a role this year?
report-meetings = Meetings
report-meetings-prompt = How did the SIG meet this year? Were meetings cancelled, and are notes and recordings kept?
report-subprojects = Subprojects
report-subprojects-prompt = Which subprojects were added, retired or changed hands?
report-fact-done = Roadmap items done
report-fact-open = Items still open at the year's end
report-fact-dropped = Roadmap items dropped
report-fact-leads = Leads
report-fact-members = Members at the year's end
report-fact-joined = Joined in the year
report-fact-left = Left in the year
report-fact-scheduled = Meetings scheduled
report-fact-held = Meetings held
report-fact-notes = Held with notes
report-fact-recordings = Held with a recording
report-list-done = Done in the year
report-list-open = Open at the year's end
report-list-leads = Leads
report-list-subprojects = Subprojects

## Meeting changes: a lead cancels, moves or puts back one meeting, or ends a series.
change-moved = Moved
change-cancelled = Cancelled
change-ends = Ends
series-change = Cancel or move a meeting of “{ $title }”
series-ends-on = Last meeting on { $date }
change-heading = Cancel or move a meeting of “{ $title }”
change-back = Meetings of { $sig }
change-which = Which meeting
change-what = What happens
change-action-cancel = It is cancelled
change-action-move = It moves to another day or time
change-action-restore = It takes place as planned after all
change-action-end = It is the last meeting of the series
change-new-time = New day and time, for a meeting that moves
change-new-time-hint = In { $zone }, the series' own time zone.
change-new-day = New day
change-reason = Reason
change-reason-hint = One line for the members: it goes into the e-mail they get and their calendars.
change-submit = Save and tell the members
change-put-back-heading = Changed meetings
change-put-back = Put back the meeting of { $when } as planned
change-resume = Let the series go on
check-change-past = Choose a day from today on: meetings already held stay as they were.
check-change-meeting = Choose one of the series' meetings.
check-change-action = Choose what happens to the meeting.
check-moved-on = Give the new day as YYYY-MM-DD.
check-change-nothing = That meeting was not changed, so there is nothing to put back.
check-mail-zone = That is not a time zone we know: use a name such as Europe/Berlin or Asia/Shanghai.
check-subscribe = Choose whether to get these e-mails.

## The e-mail members get about a changed meeting.
mail-meeting-time = { $local } { $zone } ({ $utc })
mail-meeting-cancelled-subject = { $sig }: the meeting on { $when } is cancelled
mail-meeting-cancelled = The meeting “{ $series }” of { $sig }, planned for { $when }, is cancelled.
mail-meeting-moved-subject = { $sig }: the meeting on { $when } moves
mail-meeting-moved = The meeting “{ $series }” of { $sig }, planned for { $when }, moves to { $new }.
mail-meeting-restored-subject = { $sig }: the meeting on { $when } takes place after all
mail-meeting-restored = The meeting “{ $series }” of { $sig } on { $when } takes place as planned after all.
mail-meeting-ended-subject = { $sig }: “{ $series }” ends after { $when }
mail-meeting-ended = The meeting series “{ $series }” of { $sig } ends: its last meeting is on { $when }.
mail-meeting-resumed-subject = { $sig }: “{ $series }” meets again from { $when }
mail-meeting-resumed = The meeting series “{ $series }” of { $sig } meets again; the next meeting is on { $when }.
mail-meeting-reason = The reason given:
mail-meeting-page = All meetings of the SIG:
mail-meeting-why = You get this e-mail because you are a member or lead of { $sig }.
mail-meeting-unsubscribe = Stop e-mails about changed meetings:
mail-meeting-preferences = Choose your time zone and your e-mails:

## E-mail preferences and unsubscribe links.
mail-preferences-heading = E-mail
mail-preferences-saved = Your e-mail choices are saved.
mail-preferences-no-address = Your account has no e-mail address, so no e-mail is sent to you.
mail-preferences-meeting-changes = Tell me when a meeting of my SIGs is cancelled or moved, or a series ends
mail-preferences-zone = Time zone for meeting times
mail-preferences-zone-hint = Such as Europe/Berlin. Left empty, each meeting is written in its own time zone.
mail-preferences-save = Save e-mail choices
unsubscribe-title = Unsubscribe
unsubscribe-meeting-changes = E-mails about cancelled and moved meetings of your SIGs
unsubscribe-ask = Stop these e-mails?
unsubscribe-lead = You will still see every change on the SIG's pages and in its calendar.
unsubscribe-button = Unsubscribe
unsubscribe-done = You are unsubscribed
unsubscribe-done-status = No more of these e-mails will be sent to you.
unsubscribe-done-lead = Changed your mind? You can get them again.
unsubscribe-again = Get these e-mails again
unsubscribe-preferences = All your e-mail choices (sign in)
mail-preferences-lists = Which e-mails
mail-preferences-weekly-digest = Send me a weekly digest: the coming week's meetings of my SIGs, roadmap changes and, for leads, requests waiting
mail-preferences-lead-reminders = Remind me as a lead: a roadmap unchanged for 90 days, meeting notes missing, requests waiting over a week
unsubscribe-weekly-digest = The weekly digest of your SIGs
unsubscribe-lead-reminders = Reminders to you as a lead of a SIG

## The weekly digest and reminders to leads.
mail-digest-subject = Your week on { $site }
mail-digest-meetings = Meetings in the coming week:
mail-digest-agenda = Agenda:
mail-digest-changes = Roadmap items changed in the past week:
mail-digest-waiting = Join requests waiting for your answer:
mail-digest-waiting-count = { $count ->
    [one] one request
   *[other] { $count } requests
}
mail-digest-why = You get this digest because you asked for it on { $site }. When a week brings nothing, no e-mail comes.
mail-digest-stop = Stop the weekly digest:
mail-reminder-board-subject = { $sig }: the roadmap has not changed for 90 days
mail-reminder-board = The roadmap of { $sig } has not changed for 90 days. Is it still what the SIG works on? Newcomers read it to find their way in:
mail-reminder-notes-subject = { $sig }: notes missing for { $days }
mail-reminder-notes = No notes are recorded for the meeting of { $sig } on { $days }. Those who could not come read them to catch up:
mail-reminder-requests-subject = { $sig }: join requests waiting over a week
mail-reminder-requests = { $count ->
    [one] One person has
   *[other] { $count } people have
} waited more than a week for an answer to join { $sig }:
mail-reminder-why = You get this as a lead of { $sig }: at most one reminder of each kind a week.
mail-reminder-stop = Stop reminders:
admin-jobs = Scheduled e-mail
admin-jobs-lead = The weekly digest goes out on Mondays at 07:00 UTC, reminders to leads daily at 08:00 UTC, leads whose term ended become emeritus daily at 00:05 UTC, and members with no sign of life for a year are asked whether they still take part daily at 06:00 UTC. Each run happens once, whichever instance takes it; a run marked lost was taken over after its instance stopped.
admin-jobs-none = No run yet.
admin-jobs-job = Job
admin-jobs-started = Started
admin-jobs-outcome = Outcome
admin-jobs-instance = Instance
join-digest = Send me a weekly digest of these SIGs: the coming meetings and roadmap changes (at most one e-mail a week; stop it with one click)
manage-term = Term ends
manage-term-hint = The last day of a chair's or tech lead's term; the day after, they become emeritus. Leave empty for no end.
check-term-day = Give the term's last day as YYYY-MM-DD.
check-term-ahead = A term must end after today.
lead-term-until = until { $date }
lead-emeritus-since = since { $date }
lead-emeritus-since-was = since { $date }, was { $role }

## A roster that stays fresh.
mail-still-active-subject = Do you still take part in { $sig }?
mail-still-active-body = You joined { $sig } on { $joined }. Once a year we ask the members we have not heard from whether they still take part, so that the SIG's roster says who is really there.
mail-still-active-yes = If you do, say so with one click:
mail-still-active-later = If we hear nothing by { $date }, you will be listed as inactive: still a member, shown apart, and without e-mails about meeting changes. You or a lead of { $sig } can undo that at any time.
mail-still-active-leave = If you no longer take part, you can leave:
still-active-title = Still taking part?
still-active-ask = Do you still take part in { $sig }?
still-active-lead = { $name }, say so and you stay on the roster as an active member.
still-active-button = I still take part in { $sig }
still-active-thanks = You take part in { $sig }
still-active-done = Thank you: you are listed as an active member of { $sig }.
still-active-not-member = You are not an active member of { $sig }.
members-count-inactive = { $link } inactive
members-inactive = Inactive members
members-inactive-hint = Members who did not answer within 30 days when asked whether they still take part. They stay in the history and get no e-mails about meeting changes; restore someone when you know they are still around.
members-no-inactive = Nobody is inactive.
members-inactive-since = inactive since { $date }, asked on { $asked }
members-restore = Restore { $name } as active
members-asked-on = asked on { $date } whether still taking part
my-sigs-still-active = We asked whether you still take part in { $sig }. Say so and you stay on its roster as an active member.

## The sync with the community repository (admins)
git-sync = Community repository
git-sync-lead = Edits made on this site become commits to the community's repository, and commits there become this site. A change that would overwrite a site edit or archive groups waits here for your choice.
git-sync-target = Repository
git-sync-commit = In step at commit
git-sync-synced = Last looked
git-sync-waiting = Site edits not committed yet
git-sync-never = never
git-sync-error = The last sync failed; it is tried again on its own:
git-sync-held = A change waits for your choice
git-sync-conflict = Commit { $commit } in the repository and an edit on this site changed the same lines. Nothing is synced until you choose; both versions stay kept here.
git-sync-deletions = Commit { $commit } in the repository no longer lists some groups. Nothing is synced until you choose.
git-sync-would-archive = Taking the repository's version archives:
git-sync-both = Both versions, with the lines they disagree on marked
git-sync-site-version = This site's version
git-sync-repo-version = The repository's version
git-sync-keep-site = Keep this site's version
git-sync-take-repo = Take the repository's version
git-sync-applying = Your choice ({ $side }) is being applied.
git-sync-chosen = Your choice is saved; the sync applies it within seconds.
git-sync-side-unknown = Choose this site's version or the repository's.
git-sync-already-chosen = This change was already decided; reload the page to see where the sync stands.

## What a group's file says of its place in the community
sig-liaison = Liaison
sig-stakeholders = Answers to
sig-label = GitHub label
sig-subproject-leads = Leads:
