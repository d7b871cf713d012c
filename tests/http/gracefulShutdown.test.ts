import { request } from 'node:http';
import { DEMO_USER_HEADER } from '../../bot/api/identity';
import { DemoDirectory } from '../../bot/directory/demoDirectory';
import type { Person } from '../../core/ports/directory';
import { startTestService, type TestService } from '../support/inProcessService';
import { ANNA } from '../support/teamsActivities';

/** The demo organisation, where looking a person up can be held until the test lets it go. */
class HeldDirectory extends DemoDirectory {
  private held: Promise<void> | undefined;
  private letGo: () => void = () => undefined;
  private entered: () => void = () => undefined;
  /** Resolves when a request is inside the held lookup. */
  reached: Promise<void> = Promise.resolve();

  hold(): void {
    this.held = new Promise((resolve) => (this.letGo = resolve));
    this.reached = new Promise((resolve) => (this.entered = resolve));
  }

  release(): void {
    this.held = undefined;
    this.letGo();
  }

  override async findPerson(id: string): Promise<Person | undefined> {
    if (this.held) {
      this.entered();
      await this.held;
    }
    return super.findPerson(id);
  }
}

/** A new connection (no pooled keep-alive socket): does the service still accept one? */
function connects(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(`${url}/healthz`, { agent: false }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.end();
  });
}

/** Starting the service on a folder of its own takes long on a busy machine. */
const SERVICE_START_TIMEOUT_MS = 90_000;

describe('graceful shutdown', () => {
  it(
    'when the service is told to stop with a request in flight, then it accepts no new connection, the request is answered, and only then does it stop',
    async () => {
      const directory = new HeldDirectory();
      const service: TestService = await startTestService({}, { directory });
      directory.hold();
      const inFlight = fetch(`${service.url}/api/v1/me`, {
        headers: { [DEMO_USER_HEADER]: ANNA.id },
      });
      await directory.reached;

      let stopped = false;
      const stopping = service.stop().then(() => {
        stopped = true;
      });
      expect(await connects(service.url)).toBe(false);
      expect(stopped).toBe(false);

      directory.release();
      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(response.headers.get('connection')).toBe('close');
      expect(await response.json()).toMatchObject({ person: { id: ANNA.id } });
      await stopping;
      expect(stopped).toBe(true);
    },
    SERVICE_START_TIMEOUT_MS,
  );

  it(
    'when a request outlives the shutdown deadline, then its connection is cut and the service stops anyway',
    async () => {
      const directory = new HeldDirectory();
      const service = await startTestService({}, { directory, shutdownDeadlineMs: 1_000 });
      directory.hold();
      const inFlight = fetch(`${service.url}/api/v1/me`, {
        headers: { [DEMO_USER_HEADER]: ANNA.id },
      }).then(
        (response) => response.status,
        () => 'cut' as const,
      );
      await directory.reached;

      await service.stop();
      expect(await inFlight).toBe('cut');
      directory.release();
    },
    SERVICE_START_TIMEOUT_MS,
  );
});
