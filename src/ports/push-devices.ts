/** The mobile platforms FlightPulse pushes to: Apple (APNs) and Firebase Cloud Messaging. */
export const PUSH_PLATFORMS = ['APNS', 'FCM'] as const;
export type PushPlatform = (typeof PUSH_PLATFORMS)[number];

/**
 * Turns an app's device token into the address a push is sent to: an SNS platform endpoint
 * under the platform's application. Registering the same token again answers the same endpoint
 * and enables it again (an app reinstalled after its endpoint was disabled).
 */
export interface PushEndpoints {
  endpointFor(platform: PushPlatform, token: string): Promise<string>;
}

/** Registrations of one passenger kept racing each other: the caller may try again. */
export class DevicesChangingError extends Error {
  override readonly name = 'DevicesChangingError';
}

/** A passenger's registered devices, newest first (the newest is where a push goes). */
export interface DeviceStore {
  /**
   * Adds (or moves to the front) one endpoint; undefined when there is no such passenger.
   * Throws DevicesChangingError when concurrent registrations keep winning.
   */
  addDevice(passengerId: string, endpoint: string): Promise<string[] | undefined>;
}
