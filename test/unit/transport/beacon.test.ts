import { describe, expect, it } from 'vitest';
import { BEACON_MAX_BYTES } from '../../../src/transport/beacon.js';
import { collectorBreaker } from '../../../src/transport/collector-breaker.js';
import { createFetchTransport } from '../../../src/transport/fetch-transport.js';
import type { BeaconNavigator } from '../../../src/transport/beacon.js';
import { isOwnRequest } from '../../../src/transport/own-request.js';
import { manualTime } from '../../support/manual-time.js';
import { accept, fakeCollector, refuse } from './fake-collector.js';
import { ids, readBatch, wireEvents } from './wire-events.js';

function setup(navigator: BeaconNavigator | undefined, script = [accept()]) {
  const time = manualTime();
  const collector = fakeCollector(script);
  let lookups = 0;
  const transport = createFetchTransport({
    endpoint: 'https://collector.example.com',
    key: 'key with space',
    breaker: collectorBreaker({ clock: time.clock }),
    fetch: collector.fetch,
    navigator: () => {
      lookups++;
      return navigator;
    },
    clock: time.clock,
    timers: time.timers,
  });
  return { transport, collector, lookups: () => lookups };
}

/** A navigator whose sendBeacon records what it was given and answers `accepts`. */
function beaconNavigator(accepts = true) {
  const beacons: { url: string; data: unknown }[] = [];
  const navigator = {
    sendBeacon(url: string, data?: BodyInit | null) {
      beacons.push({ url, data });
      return accepts;
    },
  };
  return { navigator, beacons };
}

describe('Transport.beacon()', () => {
  it('hands a text/plain beacon with ?key= to navigator.sendBeacon, looked up lazily', () => {
    const { navigator, beacons } = beaconNavigator();
    const { transport, lookups } = setup(navigator);
    expect(lookups()).toBe(0);
    const events = wireEvents(3);
    const handed = transport.beacon({ events, dropped: { sampled: 5 } });
    expect(handed).toEqual(ids(events));
    expect(lookups()).toBe(1);
    expect(beacons).toHaveLength(1);
    expect(beacons[0]?.url).toBe('https://collector.example.com/v1/events?key=key%20with%20space');
    expect(typeof beacons[0]?.data).toBe('string'); // sent as text/plain;charset=UTF-8
    const batch = readBatch(beacons[0]?.data as string, null);
    expect(ids(batch.events)).toEqual(ids(events));
    expect(batch.dropped).toBeUndefined(); // counts would be reported twice
  });

  it('carries at most 64 KiB: the longest prefix of events that fits', () => {
    const { navigator, beacons } = beaconNavigator();
    const { transport } = setup(navigator);
    const events = wireEvents(40, 3000);
    const handed = transport.beacon({ events });
    expect(handed.length).toBeGreaterThan(10);
    expect(handed).toEqual(ids(events.slice(0, handed.length)));
    expect(new TextEncoder().encode(beacons[0]?.data as string).length).toBeLessThanOrEqual(
      BEACON_MAX_BYTES,
    );
  });

  it('falls back to a keepalive fetch when sendBeacon refuses or is missing', () => {
    for (const navigator of [beaconNavigator(false).navigator, undefined, {}]) {
      const { transport, collector } = setup(navigator);
      expect(transport.beacon({ events: wireEvents(2) })).toEqual(ids(wireEvents(2)));
      const request = collector.seen[0];
      expect(request?.url).toBe('https://collector.example.com/v1/events?key=key%20with%20space');
      expect(request?.init).toMatchObject({ method: 'POST', keepalive: true });
      expect(request?.headers).toEqual({ 'content-type': 'text/plain;charset=UTF-8' });
      expect(isOwnRequest(request?.init)).toBe(true);
    }
  });

  it('falls back when sendBeacon throws', () => {
    const navigator = {
      sendBeacon() {
        throw new TypeError('Illegal invocation');
      },
    };
    const { transport, collector } = setup(navigator);
    expect(transport.beacon({ events: wireEvents(1) })).toEqual(['event-0001']);
    expect(collector.seen).toHaveLength(1);
  });

  it('sends nothing for no events, or while the collector refuses the key', async () => {
    const { navigator, beacons } = beaconNavigator();
    const { transport } = setup(navigator, [refuse(401)]);
    expect(transport.beacon({ events: [], dropped: { sampled: 1 } })).toEqual([]);
    await transport.send({ events: wireEvents(1) });
    expect(transport.beacon({ events: wireEvents(1) })).toEqual([]);
    expect(beacons).toHaveLength(0);
  });

  it('does not acknowledge anything: beaconed events are sent again by the next send', async () => {
    const { navigator } = beaconNavigator();
    const { transport, collector } = setup(navigator);
    const events = wireEvents(2);
    transport.beacon({ events });
    expect(await transport.send({ events })).toMatchObject({ acked: ids(events) });
    expect(collector.eventIds()).toEqual([ids(events)]);
  });
});
