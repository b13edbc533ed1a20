// The console's words in English and Italian; the browser's language chooses, the header's selector overrides.
const WORDS = {
  en: {
    brand: 'Loyalty console', skip: 'Skip to content', language: 'Language', signout: 'Sign out',
    'nav.dashboard': 'Dashboard', 'nav.customers': 'Customers', 'nav.messages': 'Messages',
    'signin.title': 'Sign in', 'signin.token': 'Administrator token (JWT)',
    'signin.help': 'Paste a bearer token issued for the admin role. On the embedded run: java -jar loyalty.jar token admin',
    'signin.submit': 'Sign in', 'signin.mint': 'Mint a development admin token',
    'signin.dev': 'This service trusts its development keys: it can mint an administrator token for you.',
    'signin.refused': 'The service refused this token (invalid, expired or of another issuer).',
    'signin.notAdmin': 'This token is valid but not an administrator\'s.',
    'signin.expired': 'Your session has ended: sign in again.',
    'dash.title': 'Dashboard', 'dash.members': 'Members', 'dash.active': 'Active customers (30 days)',
    'dash.liability': 'Points liability', 'dash.value': 'worth', 'dash.expiring': 'Points expiring next month',
    'dash.backlog': 'Reactions backlog', 'dash.parked': 'Parked events',
    'dash.membersChart': 'Members and new members per week', 'dash.couponsChart': 'Coupons issued and redeemed per week',
    'dash.messagesChart': 'Messages by status', 'dash.suppressedChart': 'Suppressed messages by reason',
    'dash.newMembers': 'New members', 'dash.issued': 'Issued', 'dash.redeemed': 'Redeemed', 'dash.count': 'Messages',
    'dash.none': 'None so far', 'dash.at': 'Counted at',
    'cust.title': 'Customers', 'cust.by': 'Search by', 'cust.name': 'Name', 'cust.more': 'More', 'cust.email': 'E-mail', 'cust.phone': 'Phone (E.164)',
    'cust.card': 'Card number', 'cust.id': 'Customer id', 'cust.value': 'Value', 'cust.search': 'Search',
    'cust.notFound': 'No customer matches.', 'cust.open': 'Open',
    'c360.profile': 'Profile', 'c360.name': 'Name', 'c360.card': 'Card', 'c360.email': 'E-mail', 'c360.phone': 'Phone',
    'c360.enrolled': 'Enrolled', 'c360.channel': 'Preferred channel', 'c360.balance': 'Points balance',
    'c360.tier': 'Tier', 'c360.noTier': 'No tier programme', 'c360.tierHistory': 'Tier history',
    'c360.wallet': 'Wallet and ledger', 'c360.timeline': 'Timeline', 'c360.coupons': 'Coupons',
    'c360.missions': 'Missions', 'c360.consents': 'Consents and their evidence', 'c360.messages': 'Messages',
    'c360.adjust': 'Adjust points', 'c360.points': 'Points (negative to take away)', 'c360.reason': 'Reason (the customer reads it)',
    'c360.apply': 'Apply adjustment', 'c360.adjusted': 'Points adjusted.',
    'c360.override': 'Tier override', 'c360.tierName': 'Tier', 'c360.tierReason': 'Reason (kept in the audit)',
    'c360.tierUntil': 'Held until (optional)', 'c360.tierSet': 'Set tier', 'c360.tierDone': 'Tier set.',
    'c360.gdpr': 'Privacy (GDPR)', 'c360.export': 'Download export', 'c360.erase': 'Erase personal data',
    'c360.eraseConfirm': 'Erase this customer\'s name, contact details and birth date, and withdraw every consent? The books stay balanced. This cannot be undone.',
    'c360.eraseYes': 'Erase', 'c360.cancel': 'Cancel', 'c360.erased': 'Personal data erased.',
    'col.at': 'When', 'col.type': 'Type', 'col.points': 'Points', 'col.reason': 'Reason', 'col.reference': 'Reference',
    'col.expires': 'Expires', 'col.summary': 'What', 'col.code': 'Code', 'col.name': 'Name', 'col.status': 'Status',
    'col.validUntil': 'Valid until', 'col.progress': 'Progress', 'col.purpose': 'Purpose', 'col.granted': 'Granted',
    'col.source': 'Source', 'col.text': 'Notice version', 'col.channel': 'Channel', 'col.attempts': 'Attempts',
    'col.customer': 'Customer', 'col.kind': 'Kind', 'col.from': 'From', 'col.to': 'To', 'col.actions': 'Actions',
    yes: 'yes', no: 'no', empty: 'Nothing yet.',
    'msg.title': 'Messages', 'msg.status': 'Status', 'msg.show': 'Show', 'msg.retry': 'Retry',
    'msg.retried': 'Queued again.', 'msg.history': 'History', 'msg.deadLetters': 'Dead letters',
    'err.field': 'Check the highlighted field.', 'err.network': 'The service could not be reached.',
  },
  it: {
    brand: 'Console fedeltà', skip: 'Vai al contenuto', language: 'Lingua', signout: 'Esci',
    'nav.dashboard': 'Cruscotto', 'nav.customers': 'Clienti', 'nav.messages': 'Messaggi',
    'signin.title': 'Accesso', 'signin.token': 'Token amministratore (JWT)',
    'signin.help': 'Incolla un bearer token emesso per il ruolo admin. Nell\'esecuzione integrata: java -jar loyalty.jar token admin',
    'signin.submit': 'Accedi', 'signin.mint': 'Genera un token admin di sviluppo',
    'signin.dev': 'Questo servizio usa le chiavi di sviluppo: può generare per te un token amministratore.',
    'signin.refused': 'Il servizio ha rifiutato il token (non valido, scaduto o di un altro emittente).',
    'signin.notAdmin': 'Il token è valido ma non è di un amministratore.',
    'signin.expired': 'La sessione è terminata: accedi di nuovo.',
    'dash.title': 'Cruscotto', 'dash.members': 'Iscritti', 'dash.active': 'Clienti attivi (30 giorni)',
    'dash.liability': 'Punti in circolazione', 'dash.value': 'valore', 'dash.expiring': 'Punti in scadenza il mese prossimo',
    'dash.backlog': 'Reazioni in attesa', 'dash.parked': 'Eventi sospesi',
    'dash.membersChart': 'Iscritti e nuovi iscritti per settimana', 'dash.couponsChart': 'Coupon emessi e usati per settimana',
    'dash.messagesChart': 'Messaggi per stato', 'dash.suppressedChart': 'Messaggi soppressi per motivo',
    'dash.newMembers': 'Nuovi iscritti', 'dash.issued': 'Emessi', 'dash.redeemed': 'Usati', 'dash.count': 'Messaggi',
    'dash.none': 'Ancora nessuno', 'dash.at': 'Calcolato alle',
    'cust.title': 'Clienti', 'cust.by': 'Cerca per', 'cust.name': 'Nome', 'cust.more': 'Altri', 'cust.email': 'E-mail', 'cust.phone': 'Telefono (E.164)',
    'cust.card': 'Numero carta', 'cust.id': 'Id cliente', 'cust.value': 'Valore', 'cust.search': 'Cerca',
    'cust.notFound': 'Nessun cliente corrisponde.', 'cust.open': 'Apri',
    'c360.profile': 'Profilo', 'c360.name': 'Nome', 'c360.card': 'Carta', 'c360.email': 'E-mail', 'c360.phone': 'Telefono',
    'c360.enrolled': 'Iscritto il', 'c360.channel': 'Canale preferito', 'c360.balance': 'Saldo punti',
    'c360.tier': 'Livello', 'c360.noTier': 'Nessun programma a livelli', 'c360.tierHistory': 'Storico livelli',
    'c360.wallet': 'Portafoglio e movimenti', 'c360.timeline': 'Cronologia', 'c360.coupons': 'Coupon',
    'c360.missions': 'Missioni', 'c360.consents': 'Consensi e loro prova', 'c360.messages': 'Messaggi',
    'c360.adjust': 'Rettifica punti', 'c360.points': 'Punti (negativi per togliere)', 'c360.reason': 'Motivo (il cliente lo legge)',
    'c360.apply': 'Applica rettifica', 'c360.adjusted': 'Punti rettificati.',
    'c360.override': 'Forzatura livello', 'c360.tierName': 'Livello', 'c360.tierReason': 'Motivo (resta nel registro)',
    'c360.tierUntil': 'Mantenuto fino al (facoltativo)', 'c360.tierSet': 'Imposta livello', 'c360.tierDone': 'Livello impostato.',
    'c360.gdpr': 'Privacy (GDPR)', 'c360.export': 'Scarica esportazione', 'c360.erase': 'Cancella dati personali',
    'c360.eraseConfirm': 'Cancellare nome, contatti e data di nascita del cliente e revocare ogni consenso? La contabilità resta in ordine. L\'operazione è irreversibile.',
    'c360.eraseYes': 'Cancella', 'c360.cancel': 'Annulla', 'c360.erased': 'Dati personali cancellati.',
    'col.at': 'Quando', 'col.type': 'Tipo', 'col.points': 'Punti', 'col.reason': 'Motivo', 'col.reference': 'Riferimento',
    'col.expires': 'Scade', 'col.summary': 'Cosa', 'col.code': 'Codice', 'col.name': 'Nome', 'col.status': 'Stato',
    'col.validUntil': 'Valido fino al', 'col.progress': 'Avanzamento', 'col.purpose': 'Finalità', 'col.granted': 'Concesso',
    'col.source': 'Fonte', 'col.text': 'Versione informativa', 'col.channel': 'Canale', 'col.attempts': 'Tentativi',
    'col.customer': 'Cliente', 'col.kind': 'Genere', 'col.from': 'Da', 'col.to': 'A', 'col.actions': 'Azioni',
    yes: 'sì', no: 'no', empty: 'Ancora niente.',
    'msg.title': 'Messaggi', 'msg.status': 'Stato', 'msg.show': 'Mostra', 'msg.retry': 'Riprova',
    'msg.retried': 'Rimesso in coda.', 'msg.history': 'Storico', 'msg.deadLetters': 'Messaggi non recapitati',
    'err.field': 'Controlla il campo evidenziato.', 'err.network': 'Il servizio non è raggiungibile.',
  },
};

let lang = localStorage.getItem('loyalty.lang')
  || ((navigator.language || 'en').toLowerCase().startsWith('it') ? 'it' : 'en');

export function language() { return lang; }

export function setLanguage(value) {
  lang = WORDS[value] ? value : 'en';
  localStorage.setItem('loyalty.lang', lang);
  document.documentElement.lang = lang;
}

export function t(key) { return (WORDS[lang] && WORDS[lang][key]) || WORDS.en[key] || key; }

/** Translates every element marked with data-i18n below root. */
export function translate(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
}

export function locale() { return lang === 'it' ? 'it-IT' : 'en-GB'; }
