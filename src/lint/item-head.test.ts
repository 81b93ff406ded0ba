import { describe, expect, it } from 'vitest';
import { afterPlainLabel, namesExactSetting, statesStateReached } from './item-head.js';

// Excerpts from chipi/podcast_scraper (MIT) incident reports, and made-up counter-examples.
describe("an action item's head", () => {
  it('reads the words after a plain label and a colon', () => {
    expect(afterPlainLabel('Pre-flight gate: price a selection and refuse to start')).toBe(
      'price a selection and refuse to start',
    );
    expect(afterPlainLabel('Client: make diarization single-flight cross-process')).toBe(
      'make diarization single-flight cross-process',
    );
    expect(afterPlainLabel('Tailscale OAuth rotation runbook: rotate + update both secrets')).toBe(
      'rotate + update both secrets',
    );
  });

  it('takes no label that is a sentence, a verb phrase or longer than a few words', () => {
    expect(afterPlainLabel('Add alerts for: disk, memory')).toBeNull();
    expect(afterPlainLabel('Add a pool alert')).toBeNull();
    expect(afterPlainLabel('When the disk on the main database host fills up again: page')).toBeNull();
    expect(afterPlainLabel('Done. Next: page')).toBeNull();
  });

  it('reads an exact setting or call written as code at the head', () => {
    for (const text of [
      'Explicit `timeout-minutes` on the job instead of an inherited default',
      '`OOMScoreAdjust=-1000` on `tailscaled` + `sshd`',
      "DGX `pyannote-app`: `torch.multiprocessing.set_sharing_strategy('file_system')` to kill growth",
      'DGX service: cgroup `MemoryMax` + bound `/dev/shm`',
      'DGX `pyannote-app`: hard concurrency=1 semaphore + `429/503` backpressure',
    ])
      expect(namesExactSetting(text), text).toBe(true);
  });

  it('takes code further in, or no code, as no setting named', () => {
    for (const text of [
      'Disk-space alert `node_filesystem_avail_bytes / size < 15%` on prod, routed to a real destination',
      'Remote power control for the Spark (smart plug / BMC)',
      'Runbook: "DGX OOM / hung box" recovery (LAN-jump diagnosis, re-`tailscale up`)',
      'Monitoring',
      // A setting a preposition introduces is the circumstance (zzstoatzz/plyr.fm, MIT).
      '**disk exposure**: at `max_upload_size_mb=1536`, each upload costs up to 2× file size in /tmp',
    ])
      expect(namesExactSetting(text), text).toBe(false);
  });

  // yu-min3/kensan-lab (Apache-2.0).
  it('reads the state a measure reaches, the thing first and then its participle', () => {
    expect(statesStateReached('Watchdog loaded via initramfs; timeout raised to 120s')).toBe(true);
    expect(statesStateReached('NVMe APST disabled (in GRUB)')).toBe(true);
    for (const text of [
      'Responding agent had no prod access and no credentials',
      'Runbook: "DGX OOM / hung box" recovery',
      'NotReady alert',
      'Add a pool alert',
    ])
      expect(statesStateReached(text), text).toBe(false);
  });
});
