Attribute VB_Name = "IkuFungsi"
' Dibuat otomatis oleh iku_xl/xl/vba_udf.py dari iku_xl/xl/fungsi.py: jangan diubah di sini.
' Buat ulang: python -m iku_xl.xl.vba_udf
#Const App = "Microsoft Excel"

Function IKU_CAPAIAN(target, realisasi, Optional polaritas, Optional metode_negatif)
Attribute IKU_CAPAIAN.VB_Description = "Capaian (%) dari realisasi terhadap target, sesuai PermenPANRB 8/2021. Realisasi kosong memberi sel kosong."
Attribute IKU_CAPAIAN.VB_ProcData.VB_Invoke_Func = " \n14"
    If (Not Application.CommandBars("Standard").Controls(1).Enabled) Then Exit Function
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        IKU_CAPAIAN = XLPy.CallUDF("iku_xl.xl.udfs", "IKU_CAPAIAN", Array(target, realisasi, polaritas, metode_negatif), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        IKU_CAPAIAN = XLPy.CallUDF("iku_xl.xl.udfs", "IKU_CAPAIAN", Array(target, realisasi, polaritas, metode_negatif))
        Exit Function
    #End If
failed:
    IKU_CAPAIAN = Err.Description
End Function

Function IKU_IKM(jawaban)
Attribute IKU_IKM.VB_Description = "Indeks Kepuasan Masyarakat (konversi 25-100, PermenPANRB 14/2017) dari jawaban survei: rata-rata tiap unsur x 1/9, dijumlah, x 25. Sel kosong = unsur tidak dijawab."
Attribute IKU_IKM.VB_ProcData.VB_Invoke_Func = " \n14"
    If (Not Application.CommandBars("Standard").Controls(1).Enabled) Then Exit Function
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        IKU_IKM = XLPy.CallUDF("iku_xl.xl.udfs", "IKU_IKM", Array(jawaban), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        IKU_IKM = XLPy.CallUDF("iku_xl.xl.udfs", "IKU_IKM", Array(jawaban))
        Exit Function
    #End If
failed:
    IKU_IKM = Err.Description
End Function

Function IKU_MUTU(ikm)
Attribute IKU_MUTU.VB_Description = "Mutu pelayanan A-D dari nilai IKM konversi (25-100): A Sangat Baik (88,31 ke atas), B Baik (76,61), C Kurang Baik (65,00), D Tidak Baik."
Attribute IKU_MUTU.VB_ProcData.VB_Invoke_Func = " \n14"
    If (Not Application.CommandBars("Standard").Controls(1).Enabled) Then Exit Function
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        IKU_MUTU = XLPy.CallUDF("iku_xl.xl.udfs", "IKU_MUTU", Array(ikm), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        IKU_MUTU = XLPy.CallUDF("iku_xl.xl.udfs", "IKU_MUTU", Array(ikm))
        Exit Function
    #End If
failed:
    IKU_MUTU = Err.Description
End Function

Function IKU_PREDIKAT(capaian, Optional skala)
Attribute IKU_PREDIKAT.VB_Description = "Predikat dari capaian (%) menurut skala: Permendagri 86/2017, PermenPANRB 8/2021 (kategori capaian IKI), Nilai AKIP (PermenPANRB 88/2021), Mutu IKM (PermenPANRB 14/2017)."
Attribute IKU_PREDIKAT.VB_ProcData.VB_Invoke_Func = " \n14"
    If (Not Application.CommandBars("Standard").Controls(1).Enabled) Then Exit Function
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        IKU_PREDIKAT = XLPy.CallUDF("iku_xl.xl.udfs", "IKU_PREDIKAT", Array(capaian, skala), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        IKU_PREDIKAT = XLPy.CallUDF("iku_xl.xl.udfs", "IKU_PREDIKAT", Array(capaian, skala))
        Exit Function
    #End If
failed:
    IKU_PREDIKAT = Err.Description
End Function

Function IKU_RASIO(pembilang, penyebut)
Attribute IKU_RASIO.VB_Description = "Realisasi indikator rasio dalam persen: pembilang / penyebut x 100."
Attribute IKU_RASIO.VB_ProcData.VB_Invoke_Func = " \n14"
    If (Not Application.CommandBars("Standard").Controls(1).Enabled) Then Exit Function
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        IKU_RASIO = XLPy.CallUDF("iku_xl.xl.udfs", "IKU_RASIO", Array(pembilang, penyebut), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        IKU_RASIO = XLPy.CallUDF("iku_xl.xl.udfs", "IKU_RASIO", Array(pembilang, penyebut))
        Exit Function
    #End If
failed:
    IKU_RASIO = Err.Description
End Function

Function IKU_REALISASI(nilai_tw, Optional jenis_konsolidasi)
Attribute IKU_REALISASI.VB_Description = "Realisasi setahun dari realisasi triwulan (TW I-IV) menurut jenis konsolidasi; sel kosong dilewati. Rentang n baris x 4 kolom memberi n hasil."
Attribute IKU_REALISASI.VB_ProcData.VB_Invoke_Func = " \n14"
    If (Not Application.CommandBars("Standard").Controls(1).Enabled) Then Exit Function
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        IKU_REALISASI = XLPy.CallUDF("iku_xl.xl.udfs", "IKU_REALISASI", Array(nilai_tw, jenis_konsolidasi), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        IKU_REALISASI = XLPy.CallUDF("iku_xl.xl.udfs", "IKU_REALISASI", Array(nilai_tw, jenis_konsolidasi))
        Exit Function
    #End If
failed:
    IKU_REALISASI = Err.Description
End Function

Function IKU_VALIDASI(indikator, satuan, formulasi, Optional target, Optional realisasi)
Attribute IKU_VALIDASI.VB_Description = "Memeriksa nama, satuan dan formulasi indikator, serta target/realisasi yang beda skala. Hasilnya OK, atau daftar masalah dipisah titik koma."
Attribute IKU_VALIDASI.VB_ProcData.VB_Invoke_Func = " \n14"
    If (Not Application.CommandBars("Standard").Controls(1).Enabled) Then Exit Function
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        IKU_VALIDASI = XLPy.CallUDF("iku_xl.xl.udfs", "IKU_VALIDASI", Array(indikator, satuan, formulasi, target, realisasi), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        IKU_VALIDASI = XLPy.CallUDF("iku_xl.xl.udfs", "IKU_VALIDASI", Array(indikator, satuan, formulasi, target, realisasi))
        Exit Function
    #End If
failed:
    IKU_VALIDASI = Err.Description
End Function

Public Sub IkuDaftarkanFungsi()
    ' Deskripsi, kategori dan keterangan argumen fungsi IKU_ di Function Wizard (Excel 2010+).
    ' Jalankan sekali lewat Alt+F8 (Makro), lalu simpan buku kerja; tidak berjalan otomatis.
    Dim tersimpan As Boolean
    tersimpan = ThisWorkbook.Saved
    On Error Resume Next
    Application.MacroOptions Macro:="'" & ThisWorkbook.Name & "'!IKU_CAPAIAN", _
        Description:="Capaian (%) dari realisasi terhadap target, sesuai PermenPANRB 8/2021. Realisasi kosong memberi sel kosong.", _
        Category:="iku-xl", _
        ArgumentDescriptions:=Array( _
            "Target: angka (90 atau 83,5), rentang (80-90) atau predikat (BB, WTP).", _
            "Realisasi: angka atau predikat. Kosong berarti capaian kosong.", _
            "Opsional. positif (makin tinggi makin baik; bawaan) atau negatif (makin rendah makin baik).", _
            "Opsional, rumus polaritas negatif: 2T-R atau T/R (bawaan 2T-R).")
    Application.MacroOptions Macro:="'" & ThisWorkbook.Name & "'!IKU_PREDIKAT", _
        Description:="Predikat dari capaian (%) menurut skala: Permendagri 86/2017, PermenPANRB 8/2021 (kategori capaian IKI), Nilai AKIP (PermenPANRB 88/2021), Mutu IKM (PermenPANRB 14/2017).", _
        Category:="iku-xl", _
        ArgumentDescriptions:=Array( _
            "Capaian dalam persen, mis. 102,5. Kosong berarti predikat kosong.", _
            "Opsional. Salah satu: permendagri86, permenpanrb8, akip, ikm (bawaan permendagri86).")
    Application.MacroOptions Macro:="'" & ThisWorkbook.Name & "'!IKU_REALISASI", _
        Description:="Realisasi setahun dari realisasi triwulan (TW I-IV) menurut jenis konsolidasi; sel kosong dilewati. Rentang n baris x 4 kolom memberi n hasil.", _
        Category:="iku-xl", _
        ArgumentDescriptions:=Array( _
            "Satu baris 4 sel: realisasi TW I, TW II, TW III dan TW IV (angka atau predikat).", _
            "Opsional. Salah satu: jumlah, nilai terakhir, rata-rata, kumulatif (bawaan nilai terakhir).")
    Application.MacroOptions Macro:="'" & ThisWorkbook.Name & "'!IKU_RASIO", _
        Description:="Realisasi indikator rasio dalam persen: pembilang / penyebut x 100.", _
        Category:="iku-xl", _
        ArgumentDescriptions:=Array( _
            "Bagian yang diukur, mis. jumlah pengaduan yang ditindaklanjuti.", _
            "Keseluruhannya, mis. jumlah seluruh pengaduan; harus lebih dari 0.")
    Application.MacroOptions Macro:="'" & ThisWorkbook.Name & "'!IKU_VALIDASI", _
        Description:="Memeriksa nama, satuan dan formulasi indikator, serta target/realisasi yang beda skala. Hasilnya OK, atau daftar masalah dipisah titik koma.", _
        Category:="iku-xl", _
        ArgumentDescriptions:=Array( _
            "Nama indikator, mis. Persentase pengaduan yang ditindaklanjuti.", _
            "Satuan indikator, mis. %, Kegiatan, Dokumen.", _
            "Formulasi (cara menghitung), mis. Jumlah pengaduan yang ditindaklanjuti / Jumlah seluruh pengaduan x 100 %.", _
            "Opsional. Target indikator ini per tahun, dalam satu baris.", _
            "Opsional. Realisasi indikator ini per tahun, dalam satu baris.")
    Application.MacroOptions Macro:="'" & ThisWorkbook.Name & "'!IKU_IKM", _
        Description:="Indeks Kepuasan Masyarakat (konversi 25-100, PermenPANRB 14/2017) dari jawaban survei: rata-rata tiap unsur x 1/9, dijumlah, x 25. Sel kosong = unsur tidak dijawab.", _
        Category:="iku-xl", _
        ArgumentDescriptions:=Array( _
            "Rentang jawaban: satu baris per responden, 9 kolom U1-U9 berisi 1-4; sel kosong boleh.")
    Application.MacroOptions Macro:="'" & ThisWorkbook.Name & "'!IKU_MUTU", _
        Description:="Mutu pelayanan A-D dari nilai IKM konversi (25-100): A Sangat Baik (88,31 ke atas), B Baik (76,61), C Kurang Baik (65,00), D Tidak Baik.", _
        Category:="iku-xl", _
        ArgumentDescriptions:=Array( _
            "Nilai IKM konversi 25-100, mis. hasil IKU_IKM. Kosong berarti mutu kosong.")
    ThisWorkbook.Saved = tersimpan
End Sub
