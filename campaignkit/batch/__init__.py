"""Every region and language at once: build, kernels, fingerprints, manifest, gallery, shop."""
