import { describe, expect, test } from 'vitest'
import { findResourceServer, RESOURCE_SERVERS } from './resource-catalog.ts'

describe('the resource server catalog', () => {
  test('knows api.github.com and deploy.lab.marwandiallo.com by audience', () => {
    expect(RESOURCE_SERVERS.map((server) => [server.audience, server.origin])).toEqual([
      ['api.github.com', 'https://api.github.com'],
      ['deploy.lab.marwandiallo.com', 'https://deploy.lab.marwandiallo.com'],
    ])
    expect(findResourceServer('nowhere.example')).toBeUndefined()
  })
})
