"""Static files from npm packages: only the files our templates link, never a whole package.

A package's dist folder holds more than we use, and some of it refers to files the package does not
ship (the design tokens' background-image-icon.css points at SVGs that are not there), which the
manifest storage of production refuses. settings.NPM_STATICFILES names each file we serve instead.
"""

import os

from django.conf import settings
from django.contrib.staticfiles import utils
from django.contrib.staticfiles.finders import BaseFinder
from django.core import checks
from django.core.files.storage import FileSystemStorage


class NpmFinder(BaseFinder):
    """Finds the files in settings.NPM_STATICFILES: {static path: file in node_modules}."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.bestanden = {naam: os.fspath(pad) for naam, pad in settings.NPM_STATICFILES.items()}
        self.storages = {}
        for naam, pad in self.bestanden.items():
            storage = FileSystemStorage(location=os.path.dirname(pad))
            storage.prefix = os.path.dirname(naam)
            self.storages[naam] = storage

    def check(self, **kwargs):
        return [
            checks.Error(
                f"NPM_STATICFILES: {pad} ontbreekt voor {naam}.",
                hint="Installeer de npm-pakketten (npm ci, of make install).",
                id="inburgering.E010",
            )
            for naam, pad in self.bestanden.items()
            if not os.path.isfile(pad)
        ]

    def find(self, path, find_all=False, **kwargs):
        pad = self.bestanden.get(path)
        if pad is None or not os.path.isfile(pad):
            return [] if find_all else None
        return [pad] if find_all else pad

    def list(self, ignore_patterns):
        for naam, pad in self.bestanden.items():
            basisnaam = os.path.basename(naam)
            if os.path.isfile(pad) and not utils.matches_patterns(basisnaam, ignore_patterns or []):
                yield basisnaam, self.storages[naam]
