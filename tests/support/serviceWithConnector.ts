import type { ServiceOptions } from '../../bot/service';
import { FakeBotConnector } from '../fakes/botConnector';
import { startTestService, type TestService } from './inProcessService';

export interface ServiceWithConnector {
  /** The real service in this process; set once beforeAll has run. */
  service: TestService;
  /** The local Bot Connector stand-in the service replies to. */
  connector: FakeBotConnector;
}

/**
 * Starts the service and a Bot Connector stand-in before the file's tests and stops both
 * after them: the frame every bot protocol test runs in.
 */
export function useServiceWithConnector(
  env: Record<string, string> = {},
  options: ServiceOptions = {},
): ServiceWithConnector {
  const running = {} as ServiceWithConnector;
  beforeAll(async () => {
    running.connector = await new FakeBotConnector().start();
    running.service = await startTestService(env, options);
  });
  afterAll(async () => {
    await running.service?.stop();
    await running.connector?.stop();
  });
  return running;
}
