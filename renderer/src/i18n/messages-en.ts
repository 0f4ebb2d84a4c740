/** English UI text. Typed against the zh-CN table: a missing or extra key is a compile error. */
import type { MessageKey } from './messages-zh';
import { salesReasonsEn } from './messages-sales-reasons';
import { staffEn } from '../features/staff/messages';
import { accountsEn } from '../features/accounts/messages';
import { exportWordsEn } from '../features/export/messages';
import { importWordsEn } from '../features/import/messages';
import { contactsEn } from '../features/contacts/messages';
import { opportunitiesEn } from '../features/opportunities/messages';
import { tendersEn } from '../features/tenders/messages';
import { contractsEn } from '../features/contracts/messages';
import { paymentsEn } from '../features/payments/messages';
import { dealHistoryEn } from '../features/accounts/deal-messages';
import { sameNameEn } from '../features/accounts/same-name-messages';
import { bulkEn } from '../features/contracts/bulk-messages';
import { calendarEn } from '../features/calendar/messages';
import { activitiesEn } from '../features/activities/messages';
import { myDayEn } from '../features/my-day/messages';
import { valueEn } from '../features/value/messages';
import { dashboardsEn } from '../features/dashboards/messages';
import { approvalsEn } from '../features/approvals/messages';
import { claimsEn } from '../features/claims/messages';
import { filingsEn } from '../features/filings/messages';
import { incentiveEn } from '../features/filings/incentive-messages';
import { cardSheetEn } from '../features/accounts/card-sheet-messages';
import { settingsEn } from '../features/settings/messages';
import { connectionEn } from '../features/connection/messages';
import { documentsEn } from '../components/documents/messages';

export const en: Record<MessageKey, string> = {
  'common.cancel': 'Cancel',
  'common.save': 'Save',
  'common.edit': 'Edit',
  'common.delete': 'Delete',
  'common.remove': 'Remove',
  'common.close': 'Close',
  'common.retry': 'Retry',
  'common.loading': 'Loading…',
  'common.choose': 'Choose',
  'common.actions': 'Actions',
  'common.refused': 'Not done',
  'chart.png': 'Save as PNG',

  'boot.failed': 'Keyfleet could not start',

  'err.VALIDATION': 'Some input is invalid; please check it and try again',
  'err.NOT_FOUND': 'This record no longer exists (it may have been deleted); please refresh',
  'err.CONFLICT': 'The data has changed in the meantime; please refresh and try again',
  'err.FORBIDDEN': 'You are not allowed to do this',
  'err.POLICY': 'This is not allowed',
  'err.IO': 'Cannot reach the Keyfleet backend; make sure it is still running and try again',
  'err.INTERNAL':
    'An unexpected error occurred. Please try again; if it keeps happening, contact your administrator',
  'err.STORAGE': 'The disk under the data file failed: nothing was saved',
  'err.diskFull': 'The disk is full: nothing was saved. Free some disk space and try again',
  'err.readOnly':
    'The data file is read-only: nothing was saved. Check the permissions of the file and its folder',
  'err.ioError':
    'The disk could not be read or written: nothing was saved. Check the disk and try again',
  'err.cannotOpen':
    'The data file cannot be opened: nothing was saved. Check that the data folder is still reachable',
  'err.corrupt':
    'The data file is damaged: nothing was saved. Ask your administrator to restore it from a backup',
  'err.auth': 'The access token was refused. Open the app again with the URL printed by npm start.',
  'err.noUser': 'Please sign in or choose who you are first',
  'err.notOnTeam':
    'You are not on this account’s team (owner or co-owner): its sales records are not yours to see or change',
  'err.ownRequest':
    'You cannot approve a price you asked for or set yourself: another manager decides it',
  'err.notOwner': 'Only the account owner or a manager changes the account’s team',
  'err.notTenderOwner':
    'Only the tender’s owner, the purchaser account’s team or a manager can change this tender',
  'err.backupGone': 'That backup is gone (rotation may have removed it); refresh the list',
  'err.backupNotRestorable':
    'That backup failed its check (cannot be opened, damaged, not Keyfleet data or from a newer version) and cannot be restored; the current data is unchanged',
  'err.backupBeforeImport':
    'The backup before the import failed, so nothing was imported; check the free disk space and try again',
  'err.role': 'Your role is not allowed to do this',
  'err.self': 'You cannot change your own role or deactivate yourself',
  'err.inactive': 'That staff member has been deactivated',
  'err.stale': 'Someone else has just changed this record; reload it and try again',
  'err.staleBy': '{by} changed this record at {at}; your edits were not saved',
  'err.staleSomeone': 'This record was changed by someone else at {at}; your edits were not saved',
  'err.staleHint':
    'What you typed is still below. Reload to see their changes (your unsaved edits here are then replaced).',
  'err.staleReload': 'Reload',
  'err.busy':
    'A long job (such as loading demo data) is writing to the database; please try again in a moment',
  'err.jobRunning': 'Such a job is already running; please wait for it to finish',
  'err.exportExpired': 'This export has expired; please export again',
  'err.runGone':
    'This import report is gone: reports are kept for a week, and only for the person who ran the import',
  'err.notEmpty': 'Demo data can only be loaded into an empty database',
  'err.unknownReference':
    'A chosen record no longer exists (it may have just been deleted); nothing was saved. Please refresh and choose again',
  'err.inUse': 'Other records still refer to this one, so it cannot be deleted',
  'err.usccTaken': 'This USCC already belongs to “{name}”',
  'err.usccTakenOther': 'This USCC already belongs to another account',
  'err.possibleDuplicate': 'Possible duplicate of: {names}',
  'err.checkFields': 'Please check: {issues}',
  'err.issue': '{field}: {problem}',
  'err.issueSep': '; ',
  'err.listSep': ', ',
  'err.details': 'Details',
  'err.importTooManyCells':
    'This .xls or .ods file holds too many cells to read at once. Open it in Excel or WPS, use “Save as” to save it as .xlsx and import that.',
  'err.outOfMemory':
    'This task used up the memory it may use and stopped; nothing was changed. If it was an import, save the file as .xlsx or split it, then import again.',
  'err.importEncrypted':
    'The file is protected by a password. Remove the password in Excel or WPS (File → Info → Protect Workbook), save it and import it again.',
  'err.importOleDamaged':
    'The .xls or .et file is damaged or was altered (its internal structure does not add up), so it was refused for safety. Open it in Excel or WPS, save it again (as .xlsx if you can) and import that.',
  'err.importTruncated':
    'The file is incomplete or damaged (perhaps a download or copy was interrupted). Get the file again and import it.',
  'err.importZipBomb': 'The file would unpack to an abnormal size, so it was refused for safety.',
  'err.importNotXlsx':
    'The file is named .xlsx but is not an Excel workbook. Open it in Excel or WPS, save it as .xlsx again and import that.',
  'err.importUnknownFormat':
    'This file format cannot be imported. Use an Excel workbook (.xlsx) or a CSV file.',
  'err.importTooManySheets':
    'The workbook has too many sheets. Keep only the sheet to import, save it and import again.',
  'err.importTooManyEntries':
    'The workbook is too complex inside to be read. Save it as a new .xlsx in Excel or WPS and import that.',
  'err.importTooManyColumns':
    'The sheet has too many columns. Delete the columns you do not import and try again.',
  'err.importTooManyRows':
    'The sheet has more rows than one import takes. Split the file into smaller ones and import them one by one.',
  'err.importEmptyFile': 'The file is empty: there is nothing to import.',
  'err.importSheetNotFound': 'The chosen sheet is not in the file. Please choose the file again.',
  'err.importFileGone':
    'The uploaded file has expired or was cleaned up. Please choose the file again.',
  'err.importTooLarge':
    'The file is larger than one import takes. Split it and import the parts one by one.',
  'err.importXlsb':
    'This is an Excel binary workbook (.xlsb), which cannot be read directly. Open it in Excel or WPS, save it as .xlsx and import that.',
  'err.importNumbers':
    'This is an Apple Numbers file. In Numbers choose File → Export To → Excel (.xlsx), or open it in Excel or WPS and save it as .xlsx, then import that.',
  'err.importSylk':
    'This is a SYLK (.slk) file, which cannot be read directly. Open it in Excel or WPS, save it as .xlsx and import that.',
  'err.importDif':
    'This is a DIF (.dif) file, which cannot be read directly. Open it in Excel or WPS, save it as .xlsx and import that.',
  'err.importNoTable':
    'The file is a web page (HTML) but holds no table with values. Open it in Excel or WPS, check the data, save it as .xlsx and import that.',
  'err.importTooDeep':
    'The file’s markup is nested abnormally deep, so it was refused for safety. Open it in Excel or WPS, save it as .xlsx and import that.',
  'err.importTooSlow':
    'Reading the file took too long, so it was stopped. Open it in Excel or WPS, save it as .xlsx and import that.',
  'err.importXmlDoctype':
    'The XML file declares a DOCTYPE or entities, which a spreadsheet never does, so it was refused for safety. Open it in Excel or WPS, save it as .xlsx and import that.',
  'err.importXmlNotSpreadsheet':
    'This XML file is not an Excel 2003 spreadsheet (XML Spreadsheet). Use an Excel workbook (.xlsx) or a CSV file.',
  'err.importUploadFailed': 'The upload did not complete; please try again.',
  'err.importHeaderNotFound':
    'The sheet has no such header row. Go back to “Sheet and header” and choose it again.',
  'err.importTooManyMerges':
    'The sheet has too many merged cells. Unmerge the cells, save the file and import it again.',

  'val.required': 'Required',
  'val.maxLength': 'At most {max} characters',
  'val.tooSmall': 'Missing or too small',
  'val.tooBig': 'Too long or too large',
  'val.invalidType': 'Wrong kind of value',
  'val.invalidFormat': 'Invalid format',
  'val.invalidValue': 'Not an allowed value',
  'val.invalid': 'Invalid value',
  'val.invalidDate': 'Not a real date (it must exist on the calendar, between 1900 and 2199)',
  'val.loneSurrogate': 'Contains a broken character that cannot be saved; please type it again',
  'val.unknownReference': 'The chosen record does not exist (it may have been deleted)',
  'val.usccLength': 'Must be 18 characters',
  'val.usccCharset': 'Contains characters that are not allowed',
  'val.usccCheck': 'Check character is wrong',
  'val.regionInconsistent': 'Province, city and district do not match',
  'val.phoneFormat':
    'Invalid phone: digits, spaces, + - ( ) only (5–20), optionally “ext” and an extension',
  'val.emailFormat': 'Invalid e-mail address',
  'val.parentCycle':
    'That head office is a subordinate unit of this account (it would make a cycle)',
  'val.parentSelf': 'An account cannot be its own head office',
  'val.parentMissing': 'The chosen head office does not exist',
  'val.ownerMissing': 'The chosen owner does not exist',
  'val.mappingNameRequired': 'Map a column to “Name”',
  'val.mappingFieldTwice': 'A field can be mapped from one column only',
  'val.mappingContactNameRequired': 'Map a column to “Contact name”',
  'val.mappingAccountRequired': 'Map a column to “Account” or “Account USCC”',
  'val.mappingWrongTarget': 'This field does not belong to what is being imported',
  'field.row': 'row {n}',
  'field.sep': ' › ',
  'field.aliasText': 'name',
  'field.aliasKind': 'kind',

  'welcome.title': 'Welcome to Keyfleet',
  'welcome.intro':
    'The database is empty. Load a set of demo data (fictitious accounts, contacts and staff) to explore, or start blank and enter your own accounts.',
  'welcome.size': 'Demo accounts',
  'welcome.loadDemo': 'Load demo data',
  'welcome.blank': 'Start blank',
  'welcome.progress': '{done} of {total} accounts generated',
  'welcome.preparing': 'Preparing…',
  'welcome.cancelling': 'Cancelling (rolling back)…',
  'welcome.rate': '{rate} accounts per second',
  'welcome.remaining': 'about {time} left',
  'welcome.seconds': '{n} s',
  'welcome.minutes': '{n} min',
  'welcome.cancelled': 'Demo data loading was cancelled; the database is still empty.',

  'who.title': 'Who are you?',
  'who.intro': 'Account ownership, the change history and access to personal details depend on it.',
  'who.signIn': 'Continue',
  'who.firstTitle': 'Create the first staff member',
  'who.firstIntro':
    'There are no staff members yet. Register yourself first; colleagues can be added later.',
  'who.firstSubmit': 'Create and continue',
  'who.sessionLost':
    'Your session has ended (for example, Keyfleet was restarted or your staff record was deactivated). Please choose who you are again.',

  'signIn.title': 'Sign in to Keyfleet',
  'signIn.intro':
    "This is your store's shared KA team server. Sign in with the login and password your administrator gave you.",
  'signIn.login': 'Login',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.loginRequired': 'Enter your login',
  'signIn.passwordRequired': 'Enter the password',
  'signIn.sessionLost':
    'Your session has ended (idle too long, signed out elsewhere, account deactivated or server restarted). Please sign in again.',
  'header.signOut': 'Sign out',
  'header.changePassword': 'Change password',
  'password.title': 'Change password',
  'password.intro': 'After the change, your sign-ins on other computers and browsers end.',
  'password.requiredIntro':
    'You are using a one-time password set by the administrator. Choose a new password only you know before you continue.',
  'password.oneTime': 'One-time password',
  'password.current': 'Current password',
  'password.next': 'New password',
  'password.repeat': 'New password again',
  'password.rule':
    'At least 10 characters; not a common password, not repeated or sequential characters, and not containing your login.',
  'password.mismatch': 'The two new passwords differ',
  'password.submit': 'Save the new password',
  'password.changed': 'Password changed',
  'val.password_too_short': 'A password needs at least 10 characters',
  'val.password_too_long': 'The password is too long (200 characters at most)',
  'val.password_common': 'This is a common password and easy to guess',
  'val.password_repetitive': 'Repeated or sequential characters are easy to guess',
  'val.password_contains_login': 'The password must not contain the login',
  'val.password_same': 'The new password must differ from the current one',
  'val.bad_credentials': 'The password is wrong',
  'val.loginFormat': 'A login is 2–32 letters, digits, ".", "_" or "-"',
  'err.badCredentials': 'Wrong login or password',
  'err.locked': 'Too many failed sign-ins: try again after {time}',
  'err.mustChangePassword': 'Change your one-time password first',
  'err.adminReadOnly':
    'An administrator can read sales data but not change it; a manager or specialist must do this',
  'err.teamMode': 'A team server signs in with login and password',
  'err.notFirstRun': 'This data folder already has staff: choose who you are instead',
  'err.loginTaken': 'The login is already used by {name}',
  'err.noLogin': 'Give this staff member a login first',
  'err.noPassword': 'You have no password yet: ask your administrator to set one',
  'err.passwordPolicy':
    'The password is not accepted: use at least 10 characters, not a common password or a run of repeated characters, and not the login name',
  'err.connectionChoice':
    'That connection choice is not valid: choose “this computer” or “team server” again',
  'err.fixedDataDir':
    'Keyfleet was started with a fixed data folder: it works on this computer only and cannot switch to a team server',
  'err.streamMethod': 'The live updates were requested the wrong way; reload the page',
  'err.streams':
    'Too many Keyfleet windows or tabs are open, so live updates are paused. Close some and reload the page',
  'err.useUpload': 'In the browser, choose the file by uploading it',
  'err.exportNotDone': 'The export file is not ready yet; download it once the export has finished',
  'err.jobNotDone': 'The task has not finished yet; look at its result once it is done',
  'err.mappingGone':
    'This saved column mapping no longer exists (it may just have been deleted); refresh and choose again',
  'err.contractMissing':
    'The chosen contract does not exist or was deleted; refresh and choose again',
  'err.resultsNeedAwardDate': 'Recording the tender results needs the award date',
  'err.sameName':
    'An account of the very same name exists. One organisation should have one account; save only once you have made sure this is another organisation',

  'staff.name': 'Name',
  'staff.role': 'Role',
  'staff.phone': 'Phone',
  'staff.email': 'E-mail',
  'staff.status': 'Status',
  'staff.active': 'Active',
  'staff.inactive': 'Deactivated',
  'staff.title': 'Staff',

  'header.switchUser': 'Switch user',
  'nav.accounts': 'Accounts',
  'nav.staff': 'Staff',

  'grid.search': 'Quick search',
  'grid.total': '{total} rows',
  'grid.range': '{from}–{to} of {total}',
  'grid.columns': 'Columns',
  'grid.resetLayout': 'Reset to default',
  'grid.moveUp': 'Move up',
  'grid.moveDown': 'Move down',
  'grid.refresh': 'Refresh',
  'grid.filter': 'Filter',
  'grid.filterContains': 'Contains…',
  'grid.filterFindOption': 'Find an option',
  'grid.filterApply': 'Apply',
  'grid.filterClear': 'Clear',
  'grid.selectAll': 'All',
  'grid.selectNone': 'None',
  'grid.min': 'Min',
  'grid.max': 'Max',
  'grid.none': 'none',
  'grid.noneOption': '(none)',
  'grid.chip': '{column}: {value}',
  'grid.chipContains': '{column} contains “{value}”',
  'grid.chipSeparator': ', ',
  'grid.chipMore': '{values} and {more} more',
  'grid.clearFilters': 'Clear all filters ({count})',
  'grid.clearFiltersShort': 'Clear filters',
  'grid.sortHint': 'Click to sort; Shift-click to add a secondary sort',
  'grid.noRows': 'No data yet',
  'grid.noMatches': 'Nothing matches these filters',
  'grid.loadFailed': 'Could not load the data',

  'export.titleContacts': 'Export contacts as {format}',
  'export.contactsTitle': 'Export contacts',
  'export.start': 'Export',

  'import.button': 'Import',
  'import.chooseOther': 'Choose another file',
  'import.reasons': 'Reason',
  'import.warnings': 'Warning',

  'account.name': 'Name',
  'account.uscc': 'USCC',
  'account.aliases': 'Aliases / former names',
  'account.buyerType': 'Buyer type',
  'account.industry': 'Industry',
  'account.orgNature': 'Organisation nature',
  'orgNature.suggestedTag': 'suggested',
  'account.orgNatureState': 'Nature confirmed',
  'account.region': 'Region',
  'account.province': 'Province',
  'account.city': 'City',
  'account.district': 'District',
  'account.address': 'Address',
  'account.parent': 'Head office',
  'account.grade': 'Grade',
  'account.valueType': 'Value type',
  'account.lifecycle': 'Stage',
  'account.source': 'Source',
  'account.owner': 'Owner',
  'account.coOwners': 'Co-owners (副销售)',
  'account.teamSaved': 'The account team is updated',
  'account.fleet': 'Current fleet',
  'account.notes': 'Notes',
  'account.deleteHasSubordinates':
    'This account has {count} subordinate unit(s) and cannot be deleted. Move or delete them first.',
  'account.deleteHasSalesRecords':
    'This account has {count} opportunities, tenders, contracts or activities that keep it: it cannot be deleted.',

  'fleet.brand': 'Brand',
  'fleet.model': 'Model',
  'fleet.count': 'Count',
  'fleet.year': 'Year',

  'contacts.personalForbidden':
    'Only the account’s team (owner, co-owners) and managers may view personal details',

  'contact.name': 'Name',
  'contact.title': 'Title',
  'contact.department': 'Department',
  'contact.level': 'Level',
  'contact.purchaseRole': 'Purchase role',
  'contact.attitude': 'Attitude',
  'contact.phone': 'Phone',
  'contact.email': 'E-mail',
  'contact.notes': 'Notes',

  'personal.birthday': 'Birthday',
  'personal.hometown': 'Hometown',
  'personal.education': 'Education',
  'personal.hobbies': 'Hobbies',
  'personal.schedule': 'Schedule / habits',
  'personal.careerGoals': 'Career goals',
  'personal.family': 'Family',
  'personal.notes': 'Other',

  'history.at': 'Time',
  'history.who': 'By',
  'history.action': 'Action',
  'history.empty': 'No changes recorded',
  'history.system': 'System',
  'history.blank': '(empty)',
  'history.other': 'Other change',
  'picker.accountPlaceholder': 'Search by name, pinyin initials or USCC',
  'picker.accountNone': 'No matching account',
  'money.yuan': 'yuan',
  'money.wan': '10k yuan',
  ...salesReasonsEn,
  ...opportunitiesEn,
  ...tendersEn,
  ...contractsEn,
  ...paymentsEn,
  ...dealHistoryEn,
  ...sameNameEn,
  ...bulkEn,
  ...calendarEn,
  ...activitiesEn,
  ...myDayEn,
  ...valueEn,
  ...dashboardsEn,
  ...approvalsEn,
  ...claimsEn,
  ...filingsEn,
  ...incentiveEn,
  ...cardSheetEn,
  ...settingsEn,
  ...connectionEn,
  ...documentsEn,
  ...staffEn,
  ...accountsEn,
  ...exportWordsEn,
  ...importWordsEn,
  ...contactsEn,
};
