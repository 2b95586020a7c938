package dev.khabar.enrich.language;

import org.jspecify.annotations.Nullable;

/**
 * Letter counts of a text by script, and of the letters that only Urdu or only Persian use among
 * Arabic-script languages.
 */
record ScriptCounts(int letters, int arabicScript, int urduOnly, int persianOnly, int arabicOnly) {

  static ScriptCounts of(String text) {
    int letters = 0;
    int arabic = 0;
    int urdu = 0;
    int persian = 0;
    int arabicOnly = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) {
        continue;
      }
      letters++;
      if (!ArabicScript.isArabicScript(cp)) {
        continue;
      }
      arabic++;
      switch (cp) {
        // ٹ ڈ ڑ ں ے ۓ ھ ہ: retroflexes, nasal noon, bari yeh and the two hehs of Urdu.
        case 0x0679, 0x0688, 0x0691, 0x06BA, 0x06D2, 0x06D3, 0x06BE, 0x06C1 -> urdu++;
        // پ چ ژ گ: Persian (and Urdu) letters that Arabic writes only in foreign names.
        case 0x067E, 0x0686, 0x0698, 0x06AF -> persian++;
        // ة ى ك ي: Arabic forms where Persian and Urdu write ه ی ک ی.
        case 0x0629, 0x0649, 0x0643, 0x064A -> arabicOnly++;
        default -> {}
      }
    }
    return new ScriptCounts(letters, arabic, urdu, persian, arabicOnly);
  }

  double arabicScriptShare() {
    return letters == 0 ? 0 : (double) arabicScript / letters;
  }

  /** Urdu or Persian when their own letters say so plainly; otherwise null, for the model. */
  @Nullable String arabicScriptLanguage() {
    if (urduOnly >= 2 && urduOnly * 100 >= arabicScript) {
      return "ur";
    }
    if (persianOnly >= 2 && persianOnly * 100 >= arabicScript && arabicOnly * 10 < arabicScript) {
      return "fa";
    }
    return null;
  }
}
