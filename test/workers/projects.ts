// The projects the workerd suite runs against (FAULTLINE_PROJECTS in vitest.config.ts).
export const TEST_PROJECTS = {
  projects: [
    {
      id: 'acme',
      name: 'Acme',
      publicKeys: ['acme-public-key-1'],
      readTokens: ['acme-read-token-1'],
      allowedOrigins: ['https://app.acme.test'],
      ingestPerMinute: 1_000_000,
    },
    {
      id: 'other',
      name: 'Other tenant',
      publicKeys: ['other-public-key-1'],
      readTokens: ['other-read-token-1'],
      allowedOrigins: [],
    },
    {
      id: 'limited',
      name: 'Limited',
      publicKeys: ['limited-public-key'],
      readTokens: ['limited-read-token'],
      allowedOrigins: [],
      ingestPerMinute: 10,
    },
  ],
} as const;
