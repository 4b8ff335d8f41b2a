// Strings of the groups module's working-group pages, German first (merged under groups.groups), and the
// labels of the roles group_lead and group_member.
const de = {
  mail: {
    footer: 'Diese E-Mail wurde automatisch von Teilhabe verschickt.',
    hello: 'Guten Tag {{name}},',
    note: 'Anmerkung: {{note}}',
    deletion: 'Ihre Angaben zur Anfrage werden nach der gesetzten Frist automatisch gelöscht.',
    request: {
      subject: 'Neue Anfrage für „{{group}}“',
      greeting: 'Guten Tag,',
      body: 'jemand möchte in der Arbeitsgruppe „{{group}}“ mitarbeiten. Bitte entscheiden Sie über die Anfrage:',
    },
    accepted: {
      subject: 'Willkommen in der Arbeitsgruppe „{{group}}“',
      body: 'Ihre Anfrage wurde angenommen: Sie sind jetzt Mitglied der Arbeitsgruppe „{{group}}“. Mit einer weiteren E-Mail erhalten Sie den Zugang zum internen Bereich der Gruppe.',
    },
    declined: {
      subject: 'Ihre Anfrage für „{{group}}“',
      body: 'Ihre Anfrage, in der Arbeitsgruppe „{{group}}“ mitzuarbeiten, wurde leider nicht angenommen.',
    },
  },
  errors: {
    motivationRequired: 'Bitte schreiben Sie kurz, warum Sie mitarbeiten möchten.',
    alreadyInGroup: 'Diese Person gehört der Gruppe bereits in dieser Rolle an.',
    decided: 'Über diese Anfrage wurde bereits entschieden.',
  },
};

const en: typeof de = {
  mail: {
    footer: 'This email was sent automatically by Teilhabe.',
    hello: 'Dear {{name}},',
    note: 'Note: {{note}}',
    deletion: 'The details of your request will be deleted automatically after the set period.',
    request: {
      subject: 'New request for “{{group}}”',
      greeting: 'Hello,',
      body: 'someone would like to take part in the working group “{{group}}”. Please decide on the request:',
    },
    accepted: {
      subject: 'Welcome to the working group “{{group}}”',
      body: 'Your request has been accepted: you are now a member of the working group “{{group}}”. A further email gives you access to the group’s internal area.',
    },
    declined: {
      subject: 'Your request for “{{group}}”',
      body: 'Unfortunately, your request to take part in the working group “{{group}}” was not accepted.',
    },
  },
  errors: {
    motivationRequired: 'Please write briefly why you would like to take part.',
    alreadyInGroup: 'This person already belongs to the group in this role.',
    decided: 'This request has already been decided.',
  },
};

export const groupsLocale = {
  de: { groups: { groups: de }, roles: { group_lead: 'Leitung einer Arbeitsgruppe', group_member: 'Mitglied einer Arbeitsgruppe' } },
  en: { groups: { groups: en }, roles: { group_lead: 'Working group lead', group_member: 'Working group member' } },
};
