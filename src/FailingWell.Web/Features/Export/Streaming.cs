using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace FailingWell.Web.Features.Export;

/// <summary>Sends a zip as it is written: the headers first, then every byte straight to the client, never buffered whole.</summary>
public static class Streaming
{
    public static Func<string, Stream> ZipDownload(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return fileName =>
        {
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            context.Response.ContentType = "application/zip";
            context.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName, FileName = fileName }.ToString();
            context.Response.Headers.CacheControl = "no-store";
            return context.Response.Body;
        };
    }
}
