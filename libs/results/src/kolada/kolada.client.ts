import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '#common';

/** One value of a KPI for one municipality and year, as Kolada's API v3 answers it. */
export type KoladaRow = {
  kpi: string;
  municipality: string;
  period: number;
  values: { gender: 'T' | 'K' | 'M'; count: number; status: string; value: number | null }[];
};

/** A KPI's metadata as Kolada's `/kpi/{ids}` answers it (the fields we keep; Kolada sends more). */
export type KoladaKpi = {
  id: string;
  title: string;
  description?: string | null;
  operating_area?: string | null;
  has_ou_data?: boolean | null;
};

type KoladaPage<T> = { values: T[]; next_url?: string | null };

/** Kolada's largest page: fewer requests for the same rows. */
const PER_PAGE = 5000;

/** Reads Kolada's API v3 at KOLADA_BASE_URL (configurable, so tests serve recorded answers locally). */
@Injectable()
export class KoladaClient {
  constructor(private readonly config: ConfigService<AppConfig, true>) {}

  // KPI and municipality ids are validated (`N02267`, `1488`): nothing in the paths below needs escaping.

  /** Every row for these KPIs, municipalities and years, following `next_url` through the pages. */
  values(kpis: readonly string[], municipalities: readonly string[], years: readonly number[]): Promise<KoladaRow[]> {
    return this.paged(`/data/kpi/${kpis.join(',')}/municipality/${municipalities.join(',')}/year/${years.join(',')}`);
  }

  /** The metadata of those of these KPIs Kolada still describes. */
  kpis(ids: readonly string[]): Promise<KoladaKpi[]> {
    return this.paged(`/kpi/${ids.join(',')}`);
  }

  private async paged<T>(path: string): Promise<T[]> {
    const base = this.config.get('KOLADA_BASE_URL', { infer: true }).replace(/\/+$/, '');
    let url: string | null | undefined = `${base}${path}?per_page=${PER_PAGE}`;
    const items: T[] = [];
    while (url) {
      const response = await fetch(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(30_000),
      });
      if (!response.ok) throw new Error(`Kolada answered ${response.status} for ${url}`);
      const page = (await response.json()) as KoladaPage<T>;
      items.push(...page.values);
      url = page.next_url;
    }
    return items;
  }
}
