import { isContainerLog, mineInto, sampleLines } from '../logs/index.js';
import type { Source } from '../model/index.js';

/**
 * Containers' log files as their runtime writes them: Docker's json-file driver, the CRI format of
 * containerd and CRI-O (`/var/log/pods/…/0.log`, `/var/log/containers/*.log`), and `kubectl logs
 * --timestamps` before JSON or logfmt lines. Each container line is read as JSON, logfmt or text
 * and mined into templates at the runtime's time.
 */
export const containerLogs: Source = {
  name: 'container-logs',
  aliases: ['docker', 'json-file', 'cri', 'containerd', 'cri-o', 'kubectl-logs'],
  title:
    "Containers' logs as the runtime writes them: Docker json-file, CRI (containerd, CRI-O) under /var/log/pods, kubectl logs --timestamps (mined into templates)",
  example:
    'cp /var/log/pods/default_checkout-*/checkout/0.log logs/checkout.log; kubectl logs deploy/checkout --timestamps > logs/checkout.log',
  detect: (input) => !input.isDirectory && isContainerLog(sampleLines(input.sample, { limit: 20 })),
  read: mineInto('container'),
};
