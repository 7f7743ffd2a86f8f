using System.Globalization;
using System.Text;

namespace FailingWell.Web.Domain;

/// <summary>
/// What may be kept of text someone typed. Direction overrides and invisible formatting characters
/// can make a lead read something other than what is stored, so they are taken out; control
/// characters (a NUL, a stray escape from a phone keyboard) cannot be stored or shown safely, so the
/// person is asked to check the answer.
/// </summary>
public static class TypedText
{
    /// <summary>Bidi embeddings, overrides and isolates; zero-width and other invisible format characters.</summary>
    public static bool IsInvisible(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u2060' or '\uFEFF' or '\u00AD'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069'
        || c is >= '\u2061' and <= '\u2064';

    /// <summary>C0 and C1 controls, but for tab and line breaks.</summary>
    public static bool IsControl(char c) => char.IsControl(c) && c is not '\t' and not '\r' and not '\n';

    public static bool HasControl(string? text) => text is not null && text.Any(IsControl);

    /// <summary>Invisible characters and unpaired surrogates (which no database can store) removed.</summary>
    public static string WithoutInvisible(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!NeedsCleaning(text, controlsToo: false))
        {
            return text;
        }

        return Clean(text, controlsToo: false);
    }

    /// <summary>Everything <see cref="WithoutInvisible"/> removes, and control characters too.</summary>
    public static string WithoutControls(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return NeedsCleaning(text, controlsToo: true) ? Clean(text, controlsToo: true) : text;
    }

    private static bool NeedsCleaning(string text, bool controlsToo)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsInvisible(c) || (controlsToo && IsControl(c)))
            {
                return true;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    private static string Clean(string text, bool controlsToo)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (!char.IsSurrogate(c) && !IsInvisible(c) && !(controlsToo && IsControl(c)))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The message beside a field whose answer held a control character.</summary>
    public const string ControlMessage = "This answer had a hidden character we cannot keep (such as a null or a control character). We have taken it out: check the answer and send it again";

    internal static string Describe(char c) => ((int)c).ToString("X4", CultureInfo.InvariantCulture);
}
