// iku-xl's ribbon buttons (overrides xlwings-server's static/js/ribbon.js, whose "Hello World"
// button ran a script iku-xl does not have). Each <FunctionName> of templates/manifest.xml runs the
// custom script of the same task, as the task pane's buttons do (iku_xl/xl/server_skrip.py).
const IKU_TOMBOL_PITA = {
  "iku-hitung-capaian": "iku_hitung_capaian",
  "iku-validasi": "iku_validasi",
  "iku-buat-laporan": "iku_buat_laporan",
  "iku-perjanjian-kinerja": "iku_perjanjian_kinerja",
  "iku-analisis-capaian": "iku_analisis_capaian",
  "iku-laporan-ikm": "iku_laporan_ikm",
};

function ikuTombolPita(scriptName) {
  return async function (event) {
    try {
      const authResult =
        typeof globalThis.getAuth === "function"
          ? await globalThis.getAuth()
          : { token: "", provider: "" };
      await xlwings.runPython({
        auth: authResult.token,
        scriptName: scriptName,
        headers: { "Auth-Provider": authResult.provider },
      });
    } finally {
      // Excel waits for this; without it the button stays busy
      event.completed();
    }
  };
}

for (const [functionName, scriptName] of Object.entries(IKU_TOMBOL_PITA)) {
  Office.actions.associate(functionName, ikuTombolPita(scriptName));
}
