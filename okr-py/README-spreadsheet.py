import okr

doc = okr.read_excel("examples/okrs.xlsx")     # or okr.read_csv(path), okr.from_pandas(frame)
weekly = doc.score_range("2026-07-01", "2026-09-30", freq="W")   # every week, in one call
report = doc.score(as_of="2026-08-20")
frame = report.to_pandas(level="key_result")
print(frame[frame.color <= "yellow"].groupby("owner").size())   # at risk, by owner
ax = report.plot("burnup")                     # pip install "okr[plot]"; returns the Axes
ax.figure.savefig("burnup.png")
weekly.to_parquet("weekly-scores.parquet")     # pip install "okr[arrow]"
