"""iku-xl: Indikator Kinerja Utama in Excel."""
