import { serverNodeOptions } from '@/lib/cli/node-options'

describe('the server process’s Node options', () => {
  it('caps the JavaScript heap, keeping whatever else NODE_OPTIONS holds', () => {
    expect(serverNodeOptions('')).toBe('--max-old-space-size=256')
    expect(serverNodeOptions('--enable-source-maps')).toBe('--enable-source-maps --max-old-space-size=256')
  })

  it('leaves a heap limit the operator chose alone', () => {
    expect(serverNodeOptions('--max-old-space-size=1024')).toBe('--max-old-space-size=1024')
  })
})
