import { apiRoutes } from '../../shared/api/routes.js';
import type { Connectivity } from '../../shared/ipc/calls/app.js';

export interface ConnectivityMonitorOptions {
  serverUrl: string;
  /** How often to check while nothing else tells us the network changed. */
  intervalMs?: number;
  timeoutMs?: number;
  onChange: (state: Connectivity) => void;
}

/**
 * Knows whether the central service can be reached. Offline is the normal case, so a failed
 * check is a state, not an error. Checks the service's health route on a timer; `checkNow()` on demand.
 */
export class ConnectivityMonitor {
  private state: Connectivity;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: ConnectivityMonitorOptions) {
    this.state = { online: false, serverUrl: options.serverUrl, lastCheckedAt: null };
  }

  current(): Connectivity {
    return this.state;
  }

  start(): void {
    void this.checkNow();
    this.timer = setInterval(() => void this.checkNow(), this.options.intervalMs ?? 15_000);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async checkNow(): Promise<Connectivity> {
    const online = await this.reachable();
    const changed = online !== this.state.online;
    this.state = { online, serverUrl: this.options.serverUrl, lastCheckedAt: new Date().toISOString() };
    if (changed) this.options.onChange(this.state);
    return this.state;
  }

  private async reachable(): Promise<boolean> {
    try {
      const response = await fetch(new URL(apiRoutes.health.path, this.options.serverUrl), {
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 3_000),
      });
      return response.ok;
    } catch {
      return false;
    }
  }
}
