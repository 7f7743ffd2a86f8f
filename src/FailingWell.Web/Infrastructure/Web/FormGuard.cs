using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace FailingWell.Web.Infrastructure.Web;

/// <summary>
/// The one place every form post passes first. A body that is not a form gets 415, a form that
/// cannot be read (a broken multipart boundary, a truncated body, too large) gets 400 or 413, in the
/// site's own error page; nothing reaches antiforgery or model binding half-read. Invisible and
/// control characters are taken out of every value here, so they never reach a handler, a page or
/// the database; the fields that held a control character are remembered, and
/// <see cref="Mediation.TypedTextBehavior{TRequest,TResponse}"/> asks the person to check them.
/// It runs after authorization, so a post to a page the sender may not open is refused before its
/// body is read, and a sender who is not signed in is held to <see cref="AnonymousBodyLimit"/>.
/// </summary>
public sealed class FormGuard(RequestDelegate next)
{
    /// <summary>The anonymous forms: two texts of 10,000 characters fit several times over.</summary>
    public const long AnonymousBodyLimit = 256 * 1024;

    /// <summary>Staff forms, CSV imports included.</summary>
    public const long StaffBodyLimit = 4 * 1024 * 1024;

    /// <summary>The <see cref="HttpContext.Items"/> key of the form fields that held a control character.</summary>
    public const string CleanedFields = "FailingWell.CleanedFields";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var request = context.Request;
        // The error page, re-run for a refused post, is not read again.
        if ((!HttpMethods.IsPost(request.Method) && !HttpMethods.IsPut(request.Method) && !HttpMethods.IsPatch(request.Method))
            || request.Path.StartsWithSegments("/error")
            // The learning network's machine API takes signed JSON, checked by its own endpoint.
            || request.Path.StartsWithSegments("/network/api")
            // The Development LFPSE sandbox takes FHIR JSON as LFPSE does (decision 0124); elsewhere nothing answers there.
            || request.Path.StartsWithSegments("/lfpse-sandbox"))
        {
            await next(context);
            return;
        }

        // Only a signed-in member of staff may send the larger forms (CSV imports); an anonymous post
        // anywhere is held to the anonymous forms' size.
        var limit = request.Path.StartsWithSegments("/report") || context.User.Identity?.IsAuthenticated != true
            ? AnonymousBodyLimit
            : StaffBodyLimit;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        if (request.ContentLength > limit)
        {
            Refuse(context, StatusCodes.Status413PayloadTooLarge);
            return;
        }

        if (!request.HasFormContentType)
        {
            // Forms are all this site takes: a JSON or text/plain body is not for us.
            context.Response.StatusCode = request.ContentLength is 0 || (request.ContentLength is null && request.ContentType is null)
                ? StatusCodes.Status400BadRequest
                : StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        var nulls = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        IFormCollection form;
        try
        {
            if (request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            {
                await WithoutEncodedNullsAsync(request, limit, nulls, context.RequestAborted);
            }

            form = await request.ReadFormAsync(context.RequestAborted);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            Refuse(context, StatusCodes.Status413PayloadTooLarge);
            return;
        }
        catch (Exception unreadable) when (unreadable is InvalidDataException or IOException or BadHttpRequestException or FormatException or InvalidOperationException or System.Text.DecoderFallbackException)
        {
            Refuse(context, StatusCodes.Status400BadRequest);
            return;
        }

        var controls = nulls;
        request.Form = Cleaned(form, controls);
        context.Items[CleanedFields] = controls;
        await next(context);
    }

    /// <summary>The refusal page is the error page: it must not try to read the same body again.</summary>
    private static void Refuse(HttpContext context, int status)
    {
        context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        context.Response.StatusCode = status;
    }

    /// <summary>
    /// The framework refuses a whole form for one encoded NUL (%00). It is taken out of the body
    /// first, and the field remembered, so the person keeps everything else and is asked to check.
    /// </summary>
    private static async Task WithoutEncodedNullsAsync(HttpRequest request, long limit, HashSet<string> fields, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > limit)
        {
            throw new BadHttpRequestException("Too large", StatusCodes.Status413PayloadTooLarge);
        }

        var body = System.Text.Encoding.Latin1.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        if (body.Contains("%00", StringComparison.Ordinal))
        {
            var pairs = body.Split('&');
            for (var i = 0; i < pairs.Length; i++)
            {
                if (pairs[i].Contains("%00", StringComparison.Ordinal))
                {
                    pairs[i] = pairs[i].Replace("%00", "", StringComparison.Ordinal);
                    var name = pairs[i].Split('=')[0];
                    fields.Add(Uri.UnescapeDataString(name.Replace('+', ' ')));
                }
            }

            body = string.Join('&', pairs);
        }

        var bytes = System.Text.Encoding.Latin1.GetBytes(body);
        request.Body = new MemoryStream(bytes);
        request.ContentLength = bytes.Length;
    }

    private static FormCollection Cleaned(IFormCollection form, HashSet<string> controls)
    {
        var values = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in form)
        {
            var cleanedKey = TypedText.WithoutControls(key);
            if (value.Any(TypedText.HasControl))
            {
                controls.Add(cleanedKey);
            }

            values[cleanedKey] = new StringValues([.. value.Select(v => v is null ? null : TypedText.WithoutControls(v))]);
        }

        return new FormCollection(values, form.Files);
    }
}
