import { describe, expect, it } from 'vitest';
import { readScopeDocumentBody } from '../../../src/domain/scope-model/scope-document.ts';

const BODY = `---
title: SCS-compatible IaaS
---

## Introduction

This is v5.1 of the certificate scope _SCS-compatible IaaS_.

- v5.1 adds [scs-0123-v1: Services](https://docs.scs.community/standards/scs-0123-v1-services)

## Subject Matter

Standards that were already included in v4:

- OpenStack-powered Compute v2022.11
- [scs-0100-v3: Flavor naming (v3.1)](https://docs.scs.community/standards/scs-0100-v3-flavor-naming)
- [scs-0101-v1: Entropy](https://docs.scs.community/standards/scs-0102-v1-image-metadata)

### Standards new with v5

- [scs-0123-v1: Services](https://docs.scs.community/standards/scs-0123-v1-services)
- [Key manager](https://docs.scs.community/standards/scs-0116-v1-key-manager-standard)

## Testing Regime

- [scs-0999-v1: not subject matter](https://example.invalid)
`;

describe('readScopeDocumentBody', () => {
  it('reads the version the body says it is', () => {
    expect(readScopeDocumentBody(BODY).versionName).toBe('v5.1');
    expect(readScopeDocumentBody('This is v1 of the certificate scope _SCS-compatible KaaS_.').versionName).toBe('v1');
    expect(readScopeDocumentBody('A definition of scopes.').versionName).toBeNull();
  });
  it('lists the linked standards under Subject Matter, by link text first, then target', () => {
    expect(readScopeDocumentBody(BODY).standards).toEqual(['scs-0100-v3', 'scs-0101-v1', 'scs-0123-v1', 'scs-0116-v1']);
  });
  it('finds nothing without a Subject Matter section', () => {
    expect(readScopeDocumentBody('## Introduction\n\n- [scs-0100-v1: x](y)\n').standards).toEqual([]);
  });
});
