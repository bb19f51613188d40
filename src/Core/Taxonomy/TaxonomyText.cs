using System.Text;

namespace Jobs.Core.Taxonomy;

/// <summary>
/// The folding both taxonomies compare text in: width-folded, Traditional to Simplified (ICU Hant-Hans, the transform the
/// import's duplicate keys use; Core cannot reach the search analyzer), lower-case, without spaces.
/// </summary>
public static class TaxonomyText
{
    private static readonly Lock Gate = new();
    private static Icu.Transliterator? _toSimplified;
    private static bool _unavailable;

    public static string Fold(string text)
    {
        var folded = ToSimplified(text.Normalize(NormalizationForm.FormKC));
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    private static string ToSimplified(string text)
    {
        if (!text.Any(c => c >= '\u3400') || _unavailable)
        {
            return text;
        }

        // A transliterator is not thread-safe; classification is rare enough (one call per posting written) for one lock.
        lock (Gate)
        {
            try
            {
                if (!Common.IcuNative.IsAvailable)
                {
                    _unavailable = true;
                    return text;
                }

                _toSimplified ??= Icu.Transliterator.CreateInstance("Hant-Hans");
                return _toSimplified.Transliterate(text);
            }
            catch (Exception)
            {
                // Without the transform, Traditional text is compared as written: a missed match, never a wrong one.
                _unavailable = true;
                return text;
            }
        }
    }
}
