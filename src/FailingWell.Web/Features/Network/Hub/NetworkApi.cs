using System.Text;
using System.Text.Json;
using FailingWell.Web.Domain.Network;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace FailingWell.Web.Features.Network.Hub;

/// <summary>
/// The hub's machine API, for members only: every request signed (decision 0072). A wrong or revoked
/// member, a wrong signature, a stale time or a changed body: 401 with no detail.
/// </summary>
public static class NetworkApi
{
    /// <summary>The largest message body the hub reads.</summary>
    public const int MaxBodyBytes = 512 * 1024;

    public static WebApplication MapFailingWellNetwork(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // No staff sign-in: a member's signature on each request is the check (decision 0072).
        var api = app.MapGroup("/network/api").AllowAnonymous();
        api.MapPost("/messages", ReceiveAsync);
        api.MapGet("/notes", NotesAsync);
        api.MapGet("/peers", (HttpContext context, IMediator mediator, CancellationToken cancellationToken) =>
            ForMemberAsync(context, member => mediator.Send(new PeerAggregatesForMember.Query(member), cancellationToken), cancellationToken));
        api.MapGet("/support", (HttpContext context, IMediator mediator, CancellationToken cancellationToken) =>
            ForMemberAsync(context, member => mediator.Send(new SupportOffersForMember.Query(member), cancellationToken), cancellationToken));
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext context, IMediator mediator, CancellationToken cancellationToken)
    {
        var (member, messageId, body) = await VerifyAsync(context, cancellationToken);
        if (member is null)
        {
            return Refused(context);
        }

        string kind, payload;
        try
        {
            using var envelope = JsonDocument.Parse(body);
            if (!envelope.RootElement.TryGetProperty("kind", out var kindElement) || kindElement.ValueKind != JsonValueKind.String
                || !envelope.RootElement.TryGetProperty("payload", out var payloadElement))
            {
                return BadRequest(context);
            }

            kind = kindElement.GetString()!;
            payload = payloadElement.GetRawText();
        }
        catch (JsonException)
        {
            return BadRequest(context);
        }

        var outcome = await mediator.Send(new ReceiveNetworkMessage(member.Value, messageId, kind, payload), cancellationToken);
        return outcome == ReceiveOutcome.NotUnderstood ? BadRequest(context) : Results.Ok(new { received = messageId });
    }

    private static async Task<IResult> NotesAsync(HttpContext context, IMediator mediator, long? since, CancellationToken cancellationToken)
    {
        var (member, _, _) = await VerifyAsync(context, cancellationToken);
        if (member is null)
        {
            return Refused(context);
        }

        return Results.Json(await mediator.Send(new NotesSince.Query(Math.Max(0, since ?? 0)), cancellationToken), NetworkJson.Options);
    }

    /// <summary>A signed pull of what the hub holds for one member (its peers' figures, its support offers).</summary>
    private static async Task<IResult> ForMemberAsync<T>(HttpContext context, Func<int, Task<T>> read, CancellationToken cancellationToken)
    {
        var (member, _, _) = await VerifyAsync(context, cancellationToken);
        return member is null ? Refused(context) : Results.Json(await read(member.Value), NetworkJson.Options);
    }

    /// <summary>The member whose signature this is, or null; and the message id and body it signed.</summary>
    public static async Task<(int? Member, Guid MessageId, string Body)> VerifyAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.RequestServices;
        if (services.GetRequiredService<IOptions<NetworkSettings>>().Value.Role != NetworkRole.Hub)
        {
            return (null, Guid.Empty, "");
        }

        var headers = context.Request.Headers;
        if (!int.TryParse(headers[NetworkSignature.MemberHeader], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var memberId)
            || !Guid.TryParse(headers[NetworkSignature.MessageHeader], out var messageId))
        {
            return (null, Guid.Empty, "");
        }

        var body = await ReadBodyAsync(context.Request, cancellationToken);
        if (body is null)
        {
            return (null, Guid.Empty, "");
        }

        var db = services.GetRequiredService<FailingWellDbContext>();
        var keys = services.GetRequiredService<MemberKeys>();
        var member = await db.HubMembers.Where(m => m.Id == memberId && m.RevokedOn == null).SingleOrDefaultAsync(cancellationToken);
        var (keyHash, inClear) = keys.Read(member?.KeyHash ?? keys.MadeUp);
        var pathAndQuery = context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        // Checked against a made-up key when the member is unknown, so both take the same time.
        var valid = NetworkSignature.Verify(keyHash ?? UnknownMemberKeyHash, headers[NetworkSignature.TimestampHeader], messageId,
            context.Request.Method, pathAndQuery, body, headers[NetworkSignature.SignatureHeader], now) && member is not null && keyHash is not null;
        if (valid && inClear)
        {
            // Kept in the clear by an earlier version: protected now, on the member's first signed request.
            member!.KeyHash = keys.ProtectHash(keyHash!);
            await db.SaveChangesAsync(cancellationToken);
        }

        return valid ? (memberId, messageId, body) : (null, Guid.Empty, "");
    }

    private static readonly string UnknownMemberKeyHash = NetworkSignature.HashOf(NetworkSignature.NewKey());


    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(buffer.ToArray());
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static IResult Refused(HttpContext context) => Plain(context, StatusCodes.Status401Unauthorized);

    private static IResult BadRequest(HttpContext context) => Plain(context, StatusCodes.Status400BadRequest);

    /// <summary>A bare status: the site's error page is for people.</summary>
    private static IResult Plain(HttpContext context, int status)
    {
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }

        return Results.StatusCode(status);
    }
}
