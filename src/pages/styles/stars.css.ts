// Star badge colours come from content/stars.yaml; a stylesheet (not style attributes) carries
// them so pages work under a Content-Security-Policy without 'unsafe-inline'.
import type { APIRoute } from 'astro';
import { getSite } from '../../data/site.ts';
import { starColoursCss } from '../../lib/star-colours.ts';

export const GET: APIRoute = async () => {
  const site = await getSite();
  return new Response(starColoursCss(site.stars.all), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
