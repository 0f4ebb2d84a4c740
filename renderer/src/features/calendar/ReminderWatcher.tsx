// Replaced by the in-app reminders.
export function ReminderWatcher() {
  return null;
}
