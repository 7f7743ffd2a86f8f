namespace FailingWell.Web.Features.Triage;

/// <summary>The open reports, newest first or sorted by harm, risk or deadline, filtered on indexed columns and paged.</summary>
public static class Queue
{
    public const int PageSize = 25;

    /// <summary>Up to this many matches are sorted; more are read newest first (see the handler).</summary>
    private const int FewMatches = 20_000;

    public sealed class Filter
    {
        /// <summary>open (default), new, acknowledged, review, closed or all.</summary>
        public string? Status { get; set; }

        public GovernanceStream? Stream { get; set; }

        public int? DivisionId { get; set; }

        public ReportKind? Kind { get; set; }

        /// <summary>This physical harm or worse.</summary>
        public PhysicalHarm? Harm { get; set; }

        public RiskRating? Risk { get; set; }

        public bool Overdue { get; set; }

        public bool Escalated { get; set; }

        /// <summary>yes, no, or empty for both.</summary>
        public string? Anonymous { get; set; }

        public bool Mine { get; set; }

        public string? Search { get; set; }

        /// <summary>received (default), harm, risk or deadline; anything else is the default.</summary>
        public string? Sort { get; set; }

        /// <summary>asc or desc; empty is each sort's natural order (newest, worst, soonest first).</summary>
        public string? Order { get; set; }

        public int Page { get; set; } = 1;

        public string SortKey => Sort is "harm" or "risk" or "deadline" ? Sort : "received";

        /// <summary>Newest received, worst harm and risk first; the soonest deadline first.</summary>
        public bool Descending => Order switch
        {
            "asc" => false,
            "desc" => true,
            _ => NaturallyDescending,
        };

        private bool NaturallyDescending => SortKey != "deadline";

        /// <summary>The same filter with another sort, from the first page.</summary>
        public Filter Sorted(string sort, string? order)
        {
            var copy = (Filter)MemberwiseClone();
            copy.Sort = sort;
            copy.Order = order;
            copy.Page = 1;
            return copy;
        }

        /// <summary>
        /// The filter and sort as the queue's query string, in one order and without the page: what a
        /// saved view keeps and the session remembers, whatever else the address carried.
        /// </summary>
        public string ToQueryString()
        {
            var parts = new List<(string Key, string? Value)>
            {
                ("Filter.Status", Status is "new" or "acknowledged" or "review" or "closed" or "all" ? Status : null),
                ("Filter.Stream", Stream is { } stream && Enum.IsDefined(stream) ? stream.ToString() : null),
                ("Filter.DivisionId", DivisionId?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("Filter.Kind", Kind is { } kind && Enum.IsDefined(kind) ? kind.ToString() : null),
                ("Filter.Harm", Harm is { } harm && Enum.IsDefined(harm) ? harm.ToString() : null),
                ("Filter.Risk", Risk is { } risk && Enum.IsDefined(risk) ? risk.ToString() : null),
                ("Filter.Overdue", Overdue ? "true" : null),
                ("Filter.Escalated", Escalated ? "true" : null),
                ("Filter.Anonymous", Anonymous is "yes" or "no" ? Anonymous : null),
                ("Filter.Mine", Mine ? "true" : null),
                ("Filter.Search", string.IsNullOrWhiteSpace(Search) ? null : Search.Trim()),
                ("Filter.Sort", SortKey == "received" ? null : SortKey),
                ("Filter.Order", Descending == NaturallyDescending ? null : Order),
            };
            return string.Join('&', parts.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
        }
    }

    public sealed record Query(Filter Filter) : IRequest<Result>, IStaffRequest
    {
        public string ActorAccountId { get; set; } = "";
    }

    public sealed record Item(
        int Id, string Reference, string? Title, ReportKind Kind, DateOnly ReceivedOn, TimeBand ReceivedBand, ReportStatus Status,
        GovernanceStream Stream, string? Division, string Category, PhysicalHarm PhysicalHarm, RiskRating? Risk, bool IsAnonymous,
        bool AcknowledgementOverdue, bool FeedbackOverdue, Guid Version, DateOnly? DueOn);

    public sealed record Result(IReadOnlyList<Item> Items, int Total, int Page, int Pages);

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var filter = request.Filter;
            var today = time.Today;
            var reports = db.Reports.AsNoTracking();
            ReportStatus[]? statuses = (filter.Status ?? "open") switch
            {
                "new" => [ReportStatus.New],
                "acknowledged" => [ReportStatus.Acknowledged],
                "review" => [ReportStatus.UnderReview],
                "closed" => [ReportStatus.Closed],
                "all" => null,
                _ => [.. ReportRules.OpenStatuses],
            };
            reports = statuses switch
            {
                null => reports,
                [var only] => reports.Where(r => r.Status == only),
                _ => reports.Where(ReportRules.Open()),
            };
            // Whether anything but the status narrows the reports: if not, a word search's own index says which match.
            var narrowed = filter.Stream is not null || filter.DivisionId is not null || filter.Kind is not null || filter.Harm is not null
                || filter.Risk is not null || filter.Escalated || filter.Anonymous is "yes" or "no" || filter.Mine;
            if (filter.Stream is { } stream)
            {
                reports = reports.Where(r => r.Stream == stream);
            }

            if (filter.DivisionId is { } division)
            {
                reports = reports.Where(r => r.DivisionId == division);
            }

            if (filter.Kind is { } kind)
            {
                reports = reports.Where(r => r.Kind == kind);
            }

            if (filter.Harm is { } harm)
            {
                reports = reports.Where(r => r.PhysicalHarm >= harm);
            }

            if (filter.Risk is { } risk)
            {
                reports = reports.Where(r => r.RiskRating == risk);
            }

            if (filter.Escalated)
            {
                reports = reports.Where(ReportRules.NeedingEscalation());
            }

            reports = filter.Anonymous switch
            {
                "yes" => reports.Where(r => r.IsAnonymous),
                "no" => reports.Where(r => !r.IsAnonymous),
                _ => reports,
            };
            if (filter.Mine)
            {
                reports = reports.Where(r => r.OwnerAccountId == request.ActorAccountId);
            }

            IQueryable<int>? ids = null;
            var wordsOnly = false;
            if (!string.IsNullOrWhiteSpace(filter.Search))
            {
                var text = filter.Search.Trim();
                var reference = ReportReference.Normalise(text);
                if (ReportReference.LooksLikeReference(text))
                {
                    reports = reports.Where(r => r.Reference == reference);
                }
                else if (ReportTextSearch.Where(db, reports, text, statuses) is { } matching)
                {
                    reports = matching;
                    ids = narrowed ? null : ReportTextSearch.IndexedIds(db, text, statuses);
                    wordsOnly = ids is not null;
                }
                else
                {
                    return new Result([], 0, 1, 1);
                }
            }

            // Last, so each deadline's side of the union carries every other filter.
            if (filter.Overdue)
            {
                wordsOnly = false;
                ids = ReportRules.OverdueIds(reports, today);
                reports = reports.Where(ReportRules.Overdue(today));
            }

            // Counted and, newest first, paged by id alone: each id query is answered from an index, and
            // only the page's 25 rows are read.
            ids ??= reports.Select(r => r.Id);
            var total = await ids.CountAsync(cancellationToken);
            if (total == 0)
            {
                return new Result([], 0, 1, 1);
            }

            var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
            var page = Math.Clamp(filter.Page, 1, pages);

            // Newest first is id order. When many reports match, walking ids downwards finds a page
            // at once; when few do, that walk may read the whole table to find them, so the filter's
            // own indexes find them and they are sorted instead ("+ 0" keeps the id index out of it).
            // The other sorts are sorts of the matches, newest first among equals; an ungraded
            // report counts as the lowest risk, and the deadline is the next one the report faces.
            var descending = filter.Descending;
            var skip = (page - 1) * PageSize;
            IQueryable<Report> ordered;
            if (filter.SortKey == "received")
            {
                var many = total > FewMatches;
                var pageIds = wordsOnly
                    ? ReportTextSearch.IndexedPage(db, filter.Search!.Trim(), statuses, descending, skip, PageSize)!
                    : (descending
                        ? many ? ids.OrderByDescending(id => id) : ids.OrderByDescending(id => id + 0)
                        : many ? ids.OrderBy(id => id) : ids.OrderBy(id => id + 0))
                    .Skip(skip).Take(PageSize);
                var onPage = db.Reports.AsNoTracking().Where(r => pageIds.Contains(r.Id));
                ordered = descending ? onPage.OrderByDescending(r => r.Id) : onPage.OrderBy(r => r.Id);
            }
            else
            {
                ordered = filter.SortKey switch
                {
                    "harm" => (descending ? reports.OrderByDescending(r => r.PhysicalHarm) : reports.OrderBy(r => r.PhysicalHarm)).ThenByDescending(r => r.Id),
                    "risk" => (descending ? reports.OrderByDescending(r => r.RiskScore ?? 0) : reports.OrderBy(r => r.RiskScore ?? 0)).ThenByDescending(r => r.Id),
                    _ => (descending
                        ? reports.OrderByDescending(r => r.Status == ReportStatus.New ? r.AcknowledgeBy : r.FeedbackBy)
                        : reports.OrderBy(r => r.Status == ReportStatus.New ? r.AcknowledgeBy : r.FeedbackBy)).ThenByDescending(r => r.Id),
                };
                ordered = ordered.Skip(skip).Take(PageSize);
            }

            var rows = await ordered
                .Select(r => new
                {
                    r.Id, r.Reference, r.Title, r.Kind, r.ReceivedOn, r.ReceivedBand, r.Status, r.Stream,
                    Division = r.Division == null ? null : r.Division.Name, Category = r.Category!.Name, r.PhysicalHarm, r.RiskRating, r.IsAnonymous,
                    r.AcknowledgeBy, r.FeedbackBy, r.FeedbackGivenOn, r.Version,
                })
                .ToListAsync(cancellationToken);
            var items = rows.Select(r => new Item(
                    r.Id, r.Reference, r.Title, r.Kind, r.ReceivedOn, r.ReceivedBand, r.Status, r.Stream,
                    r.Division, r.Category, r.PhysicalHarm, r.RiskRating, r.IsAnonymous,
                    ReportRules.IsAcknowledgementOverdue(r.Status, r.AcknowledgeBy, today),
                    ReportRules.IsFeedbackOverdue(r.Status, r.FeedbackBy, r.FeedbackGivenOn, today),
                    r.Version,
                    r.Status switch
                    {
                        ReportStatus.New => r.AcknowledgeBy,
                        ReportStatus.Closed => null,
                        _ => r.FeedbackGivenOn is null ? r.FeedbackBy : null,
                    }))
                .ToList();
            return new Result(items, total, page, pages);
        }
    }
}
