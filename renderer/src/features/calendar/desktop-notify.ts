/**
 * Desktop notifications (HTML5 Notification API) for the Electron app, so a reminder is seen even
 * when Keyfleet is behind other windows. In a browser tab the in-app notification is enough.
 */
import { hasBridge } from '../../api/client';

export function canNotifyDesktop(): boolean {
  return hasBridge() && typeof Notification !== 'undefined';
}

export async function notifyDesktop(options: {
  title: string;
  body: string;
  tag: string;
  onClick: () => void;
}): Promise<void> {
  if (!canNotifyDesktop()) return;
  try {
    if (Notification.permission === 'default') await Notification.requestPermission();
    if (Notification.permission !== 'granted') return;
    const shown = new Notification(options.title, { body: options.body, tag: options.tag });
    shown.onclick = () => {
      window.focus();
      options.onClick();
      shown.close();
    };
  } catch {
    // Notifications refused by the system: the in-app one is still there.
  }
}
