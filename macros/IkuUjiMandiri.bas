Attribute VB_Name = "IkuUjiMandiri"
' Uji mandiri iku-xl: dijalankan sekali di Excel yang sebenarnya (sekali per image PC).
' Mengisi kolom Hasil dan Status pada lembar "Uji Mandiri"; nilai yang diharapkan ditulis
' oleh iku-xl saat templat dibuat (iku_xl/xl/uji_mandiri.py). Setiap pemeriksaan punya
' penanganan galatnya sendiri, jadi satu pemeriksaan yang gagal tidak menghentikan tabel.
' Tombol diuji pada SALINAN templat di folder TEMP yang diisi contoh Kecamatan Legok
' (lembar tersembunyi "Data Uji"); buku ini sendiri tidak diubah selain lembar Uji Mandiri.
Option Explicit

Private Const LEMBAR_UJI As String = "Uji Mandiri"
Private Const LEMBAR_DATA As String = "Data Uji"
Private Const BARIS_AWAL As Long = 14
Private Const KOLOM_JENIS As Long = 1
Private Const KOLOM_PERINTAH As Long = 3
Private Const KOLOM_HARAPAN As Long = 4
Private Const KOLOM_HASIL As Long = 5
Private Const KOLOM_STATUS As Long = 6

Sub IkuUjiMandiri()
    Dim ws As Worksheet, salinan As Workbook
    Set ws = ThisWorkbook.Worksheets(LEMBAR_UJI)
    ws.Range(ws.Cells(BARIS_AWAL, KOLOM_HASIL), ws.Cells(BARIS_AWAL + 500, KOLOM_STATUS)).ClearContents
    ws.Range("B4:B11").ClearContents
    IkuUjiInfo
    JalankanJenis ws, "Kelas", Nothing
    JalankanJenis ws, "Python", Nothing
    JalankanJenis ws, "Fungsi", Nothing
    Set salinan = BuatSalinan(ws)
    JalankanJenis ws, "Tombol", salinan
    JalankanJenis ws, "Sel", salinan
    If Not salinan Is Nothing Then salinan.Close SaveChanges:=False
    IkuUjiBandingkan
    ThisWorkbook.Activate
    ws.Activate
    MsgBox "Uji mandiri selesai: " & ws.Range("B11").Value & ". Simpan buku ini dan kirim lembar " _
        & LEMBAR_UJI & " ke tim TI.", vbInformation, "iku-xl"
End Sub

' Bagian yang tidak memerlukan Python: info Excel, modul kelas, perbandingan (diuji di LibreOffice).
Sub IkuUjiLokal()
    Dim ws As Worksheet
    Set ws = ThisWorkbook.Worksheets(LEMBAR_UJI)
    IkuUjiInfo
    JalankanJenis ws, "Kelas", Nothing
    IkuUjiBandingkan
End Sub

' Menjalankan setiap baris tabel berjenis `jenis`.
Private Sub JalankanJenis(ws As Worksheet, jenis As String, salinan As Workbook)
    Dim r As Long
    r = BARIS_AWAL
    Do While Len(ws.Cells(r, KOLOM_JENIS).Value) > 0
        If ws.Cells(r, KOLOM_JENIS).Value = jenis Then
            Select Case jenis
                Case "Kelas": UjiKelas ws, r
                Case "Python": UjiPython ws, r
                Case "Fungsi": UjiFungsi ws, r
                Case "Tombol": UjiTombol ws, r, salinan
                Case "Sel": UjiSel ws, r, salinan
            End Select
        End If
        r = r + 1
    Loop
End Sub

' Waktu, versi dan bitness Excel. Versi Python dan xlwings diisi oleh pemeriksaan Python.
Sub IkuUjiInfo()
    Dim ws As Worksheet
    Set ws = ThisWorkbook.Worksheets(LEMBAR_UJI)
    ws.Range("B4").Value = "'" & TeksWaktu(Now)
    On Error Resume Next
    ws.Range("B5").Value = "'" & Application.Version
    ws.Range("B6").Value = "'" & Application.OperatingSystem
    On Error GoTo 0
    #If Win64 Then
        ws.Range("B7").Value = "64-bit"
    #Else
        ws.Range("B7").Value = "32-bit"
    #End If
End Sub

' Membandingkan Diharapkan dan Hasil di setiap baris, menulis LULUS/GAGAL dan ringkasannya.
Sub IkuUjiBandingkan()
    Dim ws As Worksheet, r As Long, lulus As Long, jumlah As Long
    Set ws = ThisWorkbook.Worksheets(LEMBAR_UJI)
    r = BARIS_AWAL
    Do While Len(ws.Cells(r, KOLOM_JENIS).Value) > 0
        jumlah = jumlah + 1
        If SamaNilai(ws.Cells(r, KOLOM_HARAPAN).Value, ws.Cells(r, KOLOM_HASIL).Value) Then
            ws.Cells(r, KOLOM_STATUS).Value = "LULUS"
            lulus = lulus + 1
        Else
            ws.Cells(r, KOLOM_STATUS).Value = "GAGAL"
        End If
        r = r + 1
    Loop
    ws.Range("B11").Value = "'" & lulus & " dari " & jumlah & " LULUS"
End Sub

' yyyy-mm-dd hh:mm:ss tanpa kode format bergantung bahasa (LibreOffice membaca "nn" lain).
Private Function TeksWaktu(t As Date) As String
    TeksWaktu = Year(t) & "-" & Format(Month(t), "00") & "-" & Format(Day(t), "00") & " " _
        & Format(Hour(t), "00") & ":" & Format(Minute(t), "00") & ":" & Format(Second(t), "00")
End Function

Private Function Angka(v As Variant) As Boolean
    Select Case VarType(v)
        Case vbInteger, vbLong, vbSingle, vbDouble, vbCurrency, vbDecimal
            Angka = True
    End Select
End Function

Private Function SamaNilai(diharapkan As Variant, hasil As Variant) As Boolean
    If IsError(diharapkan) Or IsError(hasil) Then Exit Function
    If Angka(diharapkan) And Angka(hasil) Then
        Dim skala As Double
        skala = Abs(CDbl(diharapkan))
        If skala < 1 Then skala = 1
        SamaNilai = Abs(CDbl(hasil) - CDbl(diharapkan)) <= 0.000000001 * skala
    ElseIf Angka(diharapkan) Or Angka(hasil) Then
        SamaNilai = False
    Else
        SamaNilai = (CStr(diharapkan) = CStr(hasil))
    End If
End Function

Private Sub TulisHasil(ws As Worksheet, r As Long, nilai As Variant)
    If VarType(nilai) = vbString Then
        ws.Cells(r, KOLOM_HASIL).Value = "'" & nilai
    Else
        ws.Cells(r, KOLOM_HASIL).Value = nilai
    End If
End Sub

Private Sub TulisGalat(ws As Worksheet, r As Long, keterangan As String)
    ws.Cells(r, KOLOM_HASIL).Value = "'GALAT: " & keterangan
End Sub

' Modul kelas Dictionary (xlwings.bas memakainya di Mac).
Private Sub UjiKelas(ws As Worksheet, r As Long)
    On Error GoTo gagal
    Dim d As New Dictionary
    d.Add "a", 1
    d.Add "b", 2
    TulisHasil ws, r, CDbl(d.Count)
    Exit Sub
gagal:
    TulisGalat ws, r, Err.Description
End Sub

' RunPython: Python menulis versinya sendiri ke B8:B10.
Private Sub UjiPython(ws As Worksheet, r As Long)
    On Error GoTo gagal
    RunPython "import sys, platform, xlwings as xw, iku_xl; s = xw.Book.caller().sheets['" & LEMBAR_UJI & "']; " _
        & "s['B8'].value = chr(39) + sys.version.split()[0] + ' (' + platform.architecture()[0] + ')'; " _
        & "s['B9'].value = chr(39) + xw.__version__; s['B10'].value = chr(39) + iku_xl.__version__"
    If Len(ws.Range("B8").Value) > 0 Then
        TulisHasil ws, r, "ya"
    Else
        TulisHasil ws, r, "tidak"
    End If
    Exit Sub
gagal:
    TulisGalat ws, r, Err.Description
End Sub

' Fungsi sel: rumus ditulis di kolom Hasil, dihitung, lalu diganti nilainya.
Private Sub UjiFungsi(ws As Worksheet, r As Long)
    On Error GoTo gagal
    Dim sel As Range, hasil As Variant
    Set sel = ws.Cells(r, KOLOM_HASIL)
    sel.Formula = "=" & ws.Cells(r, KOLOM_PERINTAH).Value
    sel.Calculate
    hasil = sel.Value
    If IsError(hasil) Then
        TulisHasil ws, r, sel.Text
    ElseIf IsEmpty(hasil) Then
        sel.ClearContents
    Else
        TulisHasil ws, r, hasil
    End If
    Exit Sub
gagal:
    TulisGalat ws, r, Err.Description
End Sub

Private Function FolderSementara() As String
    FolderSementara = Environ("TEMP")
    If Len(FolderSementara) = 0 Then FolderSementara = ThisWorkbook.Path
End Function

' Salinan templat ini di folder TEMP, diisi data contoh dari lembar tersembunyi Data Uji.
Private Function BuatSalinan(ws As Worksheet) As Workbook
    On Error GoTo gagal
    Dim path As String, wb As Workbook, data As Worksheet, r As Long, nilai As Variant
    path = FolderSementara() & Application.PathSeparator & "iku_uji_mandiri_" _
        & Replace(Replace(Replace(TeksWaktu(Now), "-", ""), ":", ""), " ", "_") & ".xlsm"
    ThisWorkbook.SaveCopyAs path
    Set wb = Workbooks.Open(path)
    Set data = ThisWorkbook.Worksheets(LEMBAR_DATA)
    r = 1
    Do While Len(data.Cells(r, 1).Value) > 0
        nilai = data.Cells(r, 3).Value
        If VarType(nilai) = vbString Then nilai = "'" & nilai
        wb.Worksheets(CStr(data.Cells(r, 1).Value)).Range(CStr(data.Cells(r, 2).Value)).Value = nilai
        r = r + 1
    Loop
    ThisWorkbook.Activate
    Set BuatSalinan = wb
    Exit Function
gagal:
    ws.Range("B11").Value = "'GALAT salinan contoh: " & Err.Description
    Set BuatSalinan = Nothing
End Function

' Tombol: makro tombol di salinan dijalankan; lembar yang diharapkan harus ada sesudahnya.
Private Sub UjiTombol(ws As Worksheet, r As Long, wb As Workbook)
    On Error GoTo gagal
    If wb Is Nothing Then
        TulisGalat ws, r, "tidak ada salinan contoh"
        Exit Sub
    End If
    Dim nama As String, lembar As Worksheet
    Application.Run "'" & wb.Name & "'!" & ws.Cells(r, KOLOM_PERINTAH).Value
    nama = ws.Cells(r, KOLOM_HARAPAN).Value
    For Each lembar In wb.Worksheets
        If lembar.Name = nama Then
            TulisHasil ws, r, nama
            Exit Sub
        End If
    Next lembar
    TulisHasil ws, r, "(lembar tidak ada)"
    Exit Sub
gagal:
    TulisGalat ws, r, Err.Description
End Sub

' Sel di salinan sesudah tombol dijalankan, mis. "Capaian 2020!H5".
Private Sub UjiSel(ws As Worksheet, r As Long, wb As Workbook)
    On Error GoTo gagal
    If wb Is Nothing Then
        TulisGalat ws, r, "tidak ada salinan contoh"
        Exit Sub
    End If
    Dim perintah As String, pisah As Long, hasil As Variant
    perintah = ws.Cells(r, KOLOM_PERINTAH).Value
    pisah = InStrRev(perintah, "!")
    hasil = wb.Worksheets(Left(perintah, pisah - 1)).Range(Mid(perintah, pisah + 1)).Value
    If IsError(hasil) Then
        TulisHasil ws, r, wb.Worksheets(Left(perintah, pisah - 1)).Range(Mid(perintah, pisah + 1)).Text
    Else
        TulisHasil ws, r, hasil
    End If
    Exit Sub
gagal:
    TulisGalat ws, r, Err.Description
End Sub
