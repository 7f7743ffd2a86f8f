namespace FailingWell.Web.Features.Export;

/// <summary>What an export holds, file by file, as its data dictionary describes it: for the page before the button.</summary>
public static class ExportContents
{
    public static readonly IReadOnlyList<string> Everything =
        ["reports.csv", "report-actions.csv", "report-messages.csv", "learning-responses.csv", "learning-response-reports.csv", "safety-actions.csv"];

    public static readonly IReadOnlyList<string> SpeakUpCases = ["speak-up-cases.csv", "speak-up-messages.csv"];

    public sealed record Query(IReadOnlyList<string> Files) : IRequest<IReadOnlyList<File>>;

    public sealed record File(string Name, string Description, int Columns);

    public sealed class Handler : IRequestHandler<Query, IReadOnlyList<File>>
    {
        public Task<IReadOnlyList<File>> Handle(Query request, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(request);
            var dictionary = ExportDictionary.Shipped;
            IReadOnlyList<File> files =
            [
                .. request.Files.Select(f => new File(f, dictionary.Files[f], dictionary.ColumnsOf(f).Count)),
                new File(ExportDictionary.FileName, "What each file and column means, and the conventions every file follows.", 4),
            ];
            return Task.FromResult(files);
        }
    }
}
