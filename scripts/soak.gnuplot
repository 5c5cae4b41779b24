# Plots a soak CSV (scripts/soak): memory and descriptors above, throughput below, one point a minute.
# gnuplot -e "csv='soak.csv'; png='soak.png'" scripts/soak.gnuplot
set datafile separator ","
set terminal pngcairo size 1000,800 font ",10"
set output png
set key autotitle columnhead outside right
set multiplot layout 2,1 title "starhash soak: ".csv
set xlabel "minute"
set ylabel "MB / count"
set yrange [0:*]
plot csv using 1:2 with linespoints title "heap after GC (MB)", \
     csv using 1:3 with linespoints title "RSS (MB)", \
     csv using 1:4 with linespoints title "descriptors", \
     csv using 1:5 with linespoints title "threads"
set ylabel "tx/s"
plot csv using 1:6 with linespoints title "good tx/s", \
     csv using 1:7 with impulses title "good errors / min"
unset multiplot
