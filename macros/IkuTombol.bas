Attribute VB_Name = "IkuTombol"
' Tombol iku-xl. Setiap makro hanya memanggil Python lewat xlwings (RunPython);
' seluruh perhitungan ada di paket Python iku-xl. Pengaturan Python ada di
' lembar xlwings.conf. Tidak ada makro yang berjalan otomatis.
Option Explicit

Sub IkuHitungCapaian()
    RunPython "import iku_xl.xl.tombol as t; t.tombol_hitung()"
End Sub

Sub IkuValidasi()
    RunPython "import iku_xl.xl.tombol as t; t.tombol_validasi()"
End Sub

Sub IkuBuatLaporan()
    RunPython "import iku_xl.xl.tombol as t; t.tombol_laporan()"
End Sub

Sub IkuPerjanjianKinerja()
    RunPython "import iku_xl.xl.tombol as t; t.tombol_pk()"
End Sub

Sub IkuAnalisisCapaian()
    RunPython "import iku_xl.xl.tombol as t; t.tombol_analisis()"
End Sub

Sub IkuCetakPdf()
    RunPython "import iku_xl.xl.tombol as t; t.tombol_pdf()"
End Sub

Sub IkuLaporanIkm()
    RunPython "import iku_xl.xl.tombol as t; t.tombol_ikm()"
End Sub
