# nbgrader configuration of the course: this repository is the course directory, `chapters/` the source of one
# assignment named "chapters", and `make student` writes the student edition into student/chapters/.
import os

from backprop._nbgrader import configure

configure(get_config(), root=os.path.dirname(os.path.abspath(__file__)))  # noqa: F821 (nbgrader's get_config)
