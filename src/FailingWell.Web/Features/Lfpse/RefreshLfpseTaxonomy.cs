using System.Text;
using System.Text.Json;

namespace FailingWell.Web.Features.Lfpse;

/// <summary>
/// The <c>lfpse-taxonomy</c> verb: reads LFPSE's taxonomy (a URL, or a file saved from one) in the
/// snapshot's shape, checks that the app can use it, and only then replaces the snapshot file.
/// A taxonomy that cannot be read or lacks what the mapping writes leaves the old file as it was.
/// Not a database change: no transaction (docs/decisions/0124).
/// </summary>
public static class RefreshLfpseTaxonomy
{
    public sealed class Command : IRequest<Result>
    {
        public string From { get; set; } = "";

        public string To { get; set; } = "";
    }

    public sealed record Result(string To, int ValueSets, int Codes, bool Replaced);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.From).NotEmpty().WithMessage("Give the taxonomy's address (https://...) or a file saved from it");
            RuleFor(c => c.To).NotEmpty().WithMessage("Give the snapshot file to write, for example src/FailingWell.Web/Features/Lfpse/lfpse-taxonomy-6.json");
        }
    }

    public sealed class Handler(IHttpClientFactory clients) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(request);
            var text = await ReadAsync(request, cancellationToken);
            var taxonomy = Check(request, text);
            var to = Path.GetFullPath(request.To);
            var folder = Path.GetDirectoryName(to)!;
            if (!Directory.Exists(folder))
            {
                throw RequestValidationException.For(request, nameof(Command.To), $"The folder {folder} does not exist: nothing was written.");
            }

            var codes = taxonomy.ValueSets.Sum(v => v.Value.Count);
            if (File.Exists(to) && await File.ReadAllTextAsync(to, cancellationToken) == text)
            {
                return new Result(to, taxonomy.ValueSets.Count, codes, Replaced: false);
            }

            // Written beside it, then moved over it: a reader never sees half a file, and a failure leaves the old one.
            var temporary = to + ".new";
            await File.WriteAllTextAsync(temporary, text, new UTF8Encoding(false), cancellationToken);
            File.Move(temporary, to, overwrite: true);
            return new Result(to, taxonomy.ValueSets.Count, codes, Replaced: true);
        }

        private async Task<string> ReadAsync(Command request, CancellationToken cancellationToken)
        {
            if (Uri.TryCreate(request.From, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
            {
                try
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    timeout.CancelAfter(TimeSpan.FromSeconds(60));
                    using var response = await clients.CreateClient(LfpseClient.HttpClientName).GetAsync(url, timeout.Token);
                    if (!response.IsSuccessStatusCode)
                    {
                        throw RequestValidationException.For(request, nameof(Command.From), $"{url} answered {(int)response.StatusCode} {response.ReasonPhrase}: nothing was replaced.");
                    }

                    return await response.Content.ReadAsStringAsync(timeout.Token);
                }
                catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
                {
                    throw RequestValidationException.For(request, nameof(Command.From), $"{url} could not be read ({exception.Message}): nothing was replaced.");
                }
            }

            if (!File.Exists(request.From))
            {
                throw RequestValidationException.For(request, nameof(Command.From), $"{request.From} is neither an http(s) address nor a file: nothing was replaced.");
            }

            return await File.ReadAllTextAsync(request.From, cancellationToken);
        }

        /// <summary>The new taxonomy must load as the app loads its snapshot, and hold everything the mapping writes.</summary>
        private static LfpseTaxonomy Check(Command request, string text)
        {
            var problems = new List<string>();
            LfpseTaxonomy? taxonomy = null;
            try
            {
                using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
                taxonomy = LfpseTaxonomy.Read(stream);
            }
            catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException or ArgumentException)
            {
                problems.Add($"it is not a taxonomy in the snapshot's shape ({exception.Message})");
            }

            if (taxonomy is not null)
            {
                var shipped = LfpseTaxonomy.Shipped;
                if (taxonomy.Version != shipped.Version)
                {
                    problems.Add($"it is version {taxonomy.Version}, and this FailingWell maps version {shipped.Version}");
                }

                if (taxonomy.EventTypes.Count == 0)
                {
                    problems.Add("it has no event types");
                }

                foreach (var extension in shipped.Extensions)
                {
                    var found = taxonomy.Extensions.FirstOrDefault(e => e.Name == extension.Name);
                    if (found is null)
                    {
                        problems.Add($"the extension {extension.Name} is missing");
                        continue;
                    }

                    problems.AddRange(extension.Fields.Where(f => found.Field(f.Name) is null).Select(f => $"{extension.Name} has no {f.Name}"));
                }

                problems.AddRange(taxonomy.Extensions.SelectMany(e => e.Fields).Select(f => f.ValueSet).OfType<string>().Distinct(StringComparer.Ordinal)
                    .Where(set => !taxonomy.ValueSets.TryGetValue(set, out var codes) || codes.Count == 0)
                    .Select(set => $"the value set {set} has no codes"));
            }

            if (problems.Count > 0)
            {
                throw RequestValidationException.For(request, nameof(Command.From),
                    $"The taxonomy at {request.From} cannot be used: {string.Join("; ", problems.Take(20))}. Nothing was replaced.");
            }

            return taxonomy!;
        }
    }
}
